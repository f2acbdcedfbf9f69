import IR

/// Small pipelines built by hand for ``SQLVerbatimSourceTests``: ORDERS (ID, CUST, AMT) and
/// CUSTOMERS (CID, NAME) in schema SALES, read by source qualifiers with SQL text.
enum VerbatimPipelines {
    static let root = ObjectPath([.init("MAPPING", "m")])

    /// Each node's location: line 10, 20, … in node order, so a test can tell them apart.
    static func location(of node: String) -> SourceLocation {
        let lines = ["ORDERS": 10, "CUSTOMERS": 20, "SQ_ORDERS": 30, "SQ_OC": 40, "LKP_CUST": 50]
        return SourceLocation(file: "m.XML", line: lines[node] ?? 90, column: 3)
    }

    static func port(_ node: String, _ name: String, _ type: DataType, _ roles: PortRoles, from: PortRef? = nil)
        -> IR.Port
    {
        IR.Port(
            name: name, type: type, roles: roles, source: from,
            provenance: Provenance(
                path: root.appending("INSTANCE", node).appending("PORT", name), location: location(of: node)))
    }

    static func node(_ id: String, _ op: Operator, _ ports: [IR.Port]) -> Node {
        Node(
            id: id, op: op, ports: ports,
            provenance: Provenance(path: root.appending("INSTANCE", id), location: location(of: id)))
    }

    static let amount = DataType.decimal(precision: 10, scale: 2)
    static let name = DataType.string(precision: 20)

    static func orders(_ database: String?) -> Node {
        node(
            "ORDERS", .source(SourceSpec(table: "ORDERS", schema: "SALES", database: database)),
            [
                port("ORDERS", "ID", .integer, .output), port("ORDERS", "CUST", .integer, .output),
                port("ORDERS", "AMT", amount, .output),
            ])
    }

    static func customers(_ database: String?) -> Node {
        node(
            "CUSTOMERS", .source(SourceSpec(table: "CUSTOMERS", schema: "SALES", database: database)),
            [port("CUSTOMERS", "CID", .integer, .output), port("CUSTOMERS", "NAME", name, .output)])
    }

    static func pipeline(_ nodes: [Node], defaults: [String: String] = [:]) -> Pipeline {
        let file = SourceLocation(file: "m.XML", line: 1, column: 1)
        let parameters = defaults.sorted { $0.key < $1.key }.map { name, value in
            Parameter(
                name: name, kind: .parameter, type: .string(precision: 10), defaultValue: value,
                provenance: Provenance(path: root, location: file))
        }
        return Pipeline(
            name: "m", kind: .mapping, origin: Origin(tool: "PowerCenter", file: "m.XML", path: root),
            parameters: parameters, nodes: nodes, targetLoadOrder: [], attributes: [],
            provenance: Provenance(path: root, location: file))
    }

    /// ORDERS → SQ_ORDERS (`spec`; ports ID, CUST, AMT, of which CUST is connected to nothing)
    /// → T_ORDERS (ID, AMT).
    static func orders(database: String?, _ spec: SourceQuerySpec, defaults: [String: String] = [:]) -> Pipeline {
        let sq = "SQ_ORDERS"
        return pipeline(
            [
                orders(database),
                node(
                    sq, .sourceQuery(spec),
                    [
                        port(sq, "ID", .integer, [.input, .output], from: PortRef(node: "ORDERS", port: "ID")),
                        port(sq, "CUST", .integer, [.input, .output], from: PortRef(node: "ORDERS", port: "CUST")),
                        port(sq, "AMT", amount, [.input, .output], from: PortRef(node: "ORDERS", port: "AMT")),
                    ]),
                node(
                    "T_ORDERS", .target(TargetSpec(table: "T_ORDERS")),
                    [
                        port("T_ORDERS", "ID", .integer, .input, from: PortRef(node: sq, port: "ID")),
                        port("T_ORDERS", "AMT", amount, .input, from: PortRef(node: sq, port: "AMT")),
                    ]),
            ], defaults: defaults)
    }

    /// ORDERS and CUSTOMERS → SQ_OC (ID from ORDERS, NAME from CUSTOMERS) → T_OC (ID, NAME).
    static func ordersAndCustomers(database: String?, join: String?, filter: String?) -> Pipeline {
        pipeline([
            orders(database), customers(database),
            node(
                "SQ_OC", .sourceQuery(SourceQuerySpec(sources: ["ORDERS", "CUSTOMERS"], join: join, filter: filter)),
                [
                    port("SQ_OC", "ID", .integer, [.input, .output], from: PortRef(node: "ORDERS", port: "ID")),
                    port("SQ_OC", "NAME", name, [.input, .output], from: PortRef(node: "CUSTOMERS", port: "NAME")),
                ]),
            node(
                "T_OC", .target(TargetSpec(table: "T_OC")),
                [
                    port("T_OC", "ID", .integer, .input, from: PortRef(node: "SQ_OC", port: "ID")),
                    port("T_OC", "NAME", name, .input, from: PortRef(node: "SQ_OC", port: "NAME")),
                ]),
        ])
    }

    /// ORDERS (SQL Server) → SQ_ORDERS → LKP_CUST (CID = IN_CUST, every match; its rows from
    /// CUSTOMERS, `override` or `filter`) → T_LKP (ID, NAME).
    static func lookup(override: String?, filter: String?, connection: String) -> Pipeline {
        let sq = "SQ_ORDERS"
        let spec = LookupSpec(
            connected: true, table: "CUSTOMERS", sqlOverride: override, filter: filter,
            condition: ScalarExpression("CID = IN_CUST"), multipleMatch: .all, connection: connection,
            sourceType: "database")
        return pipeline([
            orders("Microsoft SQL Server"),
            node(
                sq, .sourceQuery(SourceQuerySpec(sources: ["ORDERS"])),
                [
                    port(sq, "ID", .integer, [.input, .output], from: PortRef(node: "ORDERS", port: "ID")),
                    port(sq, "CUST", .integer, [.input, .output], from: PortRef(node: "ORDERS", port: "CUST")),
                ]),
            node(
                "LKP_CUST", .lookup(spec),
                [
                    port("LKP_CUST", "ID", .integer, [.input, .output], from: PortRef(node: sq, port: "ID")),
                    port("LKP_CUST", "IN_CUST", .integer, .input, from: PortRef(node: sq, port: "CUST")),
                    port("LKP_CUST", "CID", .integer, .lookup),
                    port("LKP_CUST", "NAME", name, [.lookup, .output]),
                ]),
            node(
                "T_LKP", .target(TargetSpec(table: "T_LKP", database: "Microsoft SQL Server")),
                [
                    port("T_LKP", "ID", .integer, .input, from: PortRef(node: "LKP_CUST", port: "ID")),
                    port("T_LKP", "NAME", name, .input, from: PortRef(node: "LKP_CUST", port: "NAME")),
                ]),
        ])
    }
}
