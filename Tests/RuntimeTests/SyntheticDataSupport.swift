import Foundation
import IR

@testable import Runtime

/// Hand-built pipelines and hand-written type rules for the synthetic data tests.
enum SyntheticSamples {
    static let file = "synthetic.XML"

    static func provenance(_ name: String) -> Provenance {
        Provenance(
            path: ObjectPath([.init("MAPPING", "m_synth"), .init("TRANSFORMATION", name)]),
            location: SourceLocation(file: file, line: 1, column: 1))
    }

    static func port(
        _ name: String, _ type: DataType, _ roles: PortRoles, source: PortRef? = nil, expression: String? = nil,
        nullable: Bool? = nil
    ) -> IR.Port {
        Port(
            name: name, type: type, roles: roles, source: source, expression: expression.map(ScalarExpression.init),
            nullable: nullable, provenance: provenance(name))
    }

    static func node(_ id: String, _ op: Operator, _ ports: [IR.Port]) -> Node {
        Node(id: id, op: op, ports: ports, provenance: provenance(id))
    }

    static func pipeline(_ nodes: [Node]) -> Pipeline {
        Pipeline(
            name: "m_synth", origin: Origin(tool: "PowerCenter", file: file, path: ObjectPath()), nodes: nodes,
            provenance: provenance("m_synth"))
    }

    /// SRC_ORDERS → SQ_ORDERS → EXP_ORDERS (TO_INTEGER pass-through) → LKP_CUST, whose condition
    /// `CUST_KEY = IN_CUST_ID AND VALID_FROM <= IN_DATE` compares CUST_KEY with SRC_ORDERS.CUST_ID and
    /// VALID_FROM with SRC_ORDERS.ORDER_DATE. The other source columns cover every datatype.
    static var ordersWithLookup: Pipeline {
        let ref = { (node: String, port: String) in PortRef(node: node, port: port) }
        let source = node(
            "SRC_ORDERS", .source(SourceSpec(table: "ORDERS")),
            [
                port("ORDER_ID", .integer, [.output], nullable: false),
                port("CUST_ID", .integer, [.output]),
                port("ORDER_DATE", .dateTime(precision: 29, scale: 9), [.output]),
                port("AMOUNT", .decimal(precision: 10, scale: 2), [.output], nullable: true),
                port("NOTE", .string(precision: 12), [.output]),
                port("LABEL", .nstring(precision: 5), [.output]),
                port("FLAG", .smallInteger, [.output]),
                port("BIG", .bigInteger, [.output]),
                port("RATE", .real, [.output]),
                port("SCORE", .double, [.output]),
                port("CREATED", .dateTime(precision: 19, scale: 0), [.output]),
                port("STAMP", .dateTime(precision: 23, scale: 3), [.output]),
                port("RAW", .binary(precision: 4), [.output]),
                port("CODE", .string(precision: 2), [.output], nullable: false),
                port("FRACTION", .decimal(precision: 3, scale: 3), [.output]),
            ])
        let qualifier = node(
            "SQ_ORDERS", .sourceQuery(SourceQuerySpec(sources: ["SRC_ORDERS"])),
            [
                port("CUST_ID", .integer, [.input, .output], source: ref("SRC_ORDERS", "CUST_ID")),
                port(
                    "ORDER_DATE", .dateTime(precision: 29, scale: 9), [.input, .output],
                    source: ref("SRC_ORDERS", "ORDER_DATE")),
            ])
        let expression = node(
            "EXP_ORDERS", .project(ProjectSpec()),
            [
                port("IN_CUST", .integer, [.input], source: ref("SQ_ORDERS", "CUST_ID")),
                port("o_CUST", .integer, [.output], expression: "TO_INTEGER(IN_CUST)"),
            ])
        let lookup = node(
            "LKP_CUST",
            .lookup(
                LookupSpec(
                    connected: true, table: "CUSTOMERS",
                    condition: ScalarExpression("CUST_KEY = IN_CUST_ID AND VALID_FROM <= IN_DATE"))),
            [
                port("IN_CUST_ID", .integer, [.input], source: ref("EXP_ORDERS", "o_CUST")),
                port("IN_DATE", .dateTime(precision: 29, scale: 9), [.input], source: ref("SQ_ORDERS", "ORDER_DATE")),
                port("CUST_KEY", .decimal(precision: 10, scale: 0), [.lookup]),
                port("VALID_FROM", .dateTime(precision: 29, scale: 9), [.lookup]),
                port("CUST_NAME", .string(precision: 20), [.output, .lookup, .returnValue]),
            ])
        return pipeline([source, qualifier, expression, lookup])
    }

    /// Two sources joined on `M_ID = D_CUST` (strings; D_CUST comes through a cleaning expression that
    /// reads only CUSTOMER), a third source sharing the name REGION with
    /// the second, and an unconnected lookup called as `:LKP.LKP_RATE(CODE)` from an expression.
    static var joinedSources: Pipeline {
        let ref = { (node: String, port: String) in PortRef(node: node, port: port) }
        return pipeline([
            node(
                "SRC_CUSTOMERS", .source(SourceSpec(table: "CUSTOMERS")),
                [
                    port("ID", .string(precision: 8), [.output], nullable: false),
                    port("CODE", .string(precision: 3), [.output]),
                ]),
            node(
                "SRC_ACCOUNTS", .source(SourceSpec(table: "ACCOUNTS")),
                [port("CUSTOMER", .string(precision: 10), [.output]), port("REGION", .integer, [.output])]),
            node("SRC_REGIONS", .source(SourceSpec(table: "REGIONS")), [port("region", .bigInteger, [.output])]),
            node(
                "EXP_CLEAN", .project(ProjectSpec()),
                [
                    port("IN_CUSTOMER", .string(precision: 10), [.input], source: ref("SRC_ACCOUNTS", "CUSTOMER")),
                    port(
                        "o_CUSTOMER", .string(precision: 10), [.output],
                        expression: "IIF(ISNULL(IN_CUSTOMER), '', LTRIM(RTRIM(in_customer)))"),
                ]),
            node(
                "JNR", .join(JoinSpec(kind: .inner, condition: ScalarExpression("M_ID = D_CUST"))),
                [
                    port("M_ID", .string(precision: 8), [.input, .output], source: ref("SRC_CUSTOMERS", "ID")),
                    port("D_CUST", .string(precision: 10), [.input, .output], source: ref("EXP_CLEAN", "o_CUSTOMER")),
                ]),
            node(
                "EXP_RATE", .project(ProjectSpec()),
                [
                    port("IN_CODE", .string(precision: 3), [.input], source: ref("SRC_CUSTOMERS", "CODE")),
                    port("o_RATE", .double, [.output], expression: ":LKP.LKP_RATE(LTRIM(IN_CODE))"),
                ]),
            node(
                "LKP_RATE",
                .lookup(
                    LookupSpec(connected: false, table: "RATES", condition: ScalarExpression("RATE_CODE = P_CODE"))),
                [
                    port("P_CODE", .string(precision: 3), [.input]),
                    port("RATE_CODE", .string(precision: 3), [.lookup]),
                    port("RATE", .double, [.output, .lookup, .returnValue]),
                ]),
        ])
    }
}

/// Whether a value fits a datatype, by rules written out here (not the generator's helpers).
enum TypeFit {
    static func fits(_ value: Value, _ type: DataType) -> Bool {
        if case .null = value { return true }
        switch (type, value) {
        case (.string(let p), .string(let s)), (.nstring(let p), .string(let s)), (.text(let p), .string(let s)),
            (.ntext(let p), .string(let s)):
            return s.count <= p
        case (.smallInteger, .integer(let i)): return i >= -32_768 && i <= 32_767
        case (.integer, .integer(let i)): return i >= -2_147_483_648 && i <= 2_147_483_647
        case (.bigInteger, .integer): return true
        case (.decimal(let p, let s), .decimal(let d)): return decimalFits(d, precision: p, scale: s)
        case (.double, .double(let d)): return d.isFinite
        case (.real, .double(let d)):
            return d.isFinite && abs(d) <= (2 - pow(2, -23)) * pow(2, 127) && Double(Float(d)) == d
        case (.dateTime(_, let s), .dateTime(let v)):
            var unit: Int64 = 1
            for _ in 0..<(9 - min(s, 9)) { unit *= 10 }
            return v.day >= 0 && v.day <= 3_652_058 && v.nanosecond >= 0 && v.nanosecond < 86_400_000_000_000
                && v.nanosecond % unit == 0
        case (.binary(let p), .binary(let bytes)): return bytes.count <= p
        default: return false
        }
    }

    /// Digits before the point at most precision − scale, after it at most scale (from the plain text).
    static func decimalFits(_ decimal: Decimal, precision: Int, scale: Int) -> Bool {
        var text = decimal.description
        if text.hasPrefix("-") { text.removeFirst() }
        guard text.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        let fraction = parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }) : ""
        return whole.count <= precision - scale && fraction.count <= scale
    }
}
