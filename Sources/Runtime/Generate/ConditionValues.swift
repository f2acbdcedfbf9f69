import Foundation
import IR

/// The values that decide a pipeline's conditions, per table column: the constants its
/// expressions compare a column with (`DEPT = 20`, `SAL > 1000`, `IN(CODE, 'A', 'B')`,
/// `DECODE(FLAG, 'Y', …)`), and for an ordering comparison the numbers just above and below, so
/// that synthetic rows make filters, router groups and IIF branches both true and false instead
/// of missing them all with random values. The comparison may read the column through
/// pass-through ports and conversions (``KeyColumnTracing``).
struct ConditionValues {
    let tracing: KeyColumnTracing
    /// The values found, by table column, in the order first found, without repeats.
    private(set) var values: [TableColumn: [Value]] = [:]

    /// The values of `pipeline`'s conditions for the columns `types` lists (typed as those columns).
    static func collect(_ pipeline: Pipeline, tracing: KeyColumnTracing, types: [TableColumn: DataType])
        -> [TableColumn: [Value]]
    {
        var collector = ConditionValues(tracing: tracing)
        for node in pipeline.nodes {
            for text in expressions(of: node) {
                let (parsed, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
                guard !diagnostics.contains(where: { $0.severity == .error }) else { continue }
                collector.visit(parsed, in: node, types: types)
            }
        }
        return collector.values
    }

    /// Every expression text of `node`: its ports' and its operator's conditions.
    static func expressions(of node: Node) -> [String] {
        var texts = node.ports.compactMap { $0.expression?.text }
        switch node.op {
        case .filter(let spec): texts.append(spec.condition.text)
        case .route(let spec): texts += spec.groups.compactMap { $0.condition?.text }
        case .setRowKind(let spec): texts.append(spec.expression.text)
        default: break
        }
        return texts
    }

    mutating func visit(_ expression: Expr, in node: Node, types: [TableColumn: DataType]) {
        switch expression.kind {
        case .binary(let op, let left, let right) where Self.comparisons.contains(op):
            let ordered = op != .equal && op != .notEqual
            if let name = KeyColumnTracing.passedThroughName(left), let literal = Self.literal(right) {
                record(literal, ordered: ordered, port: name, in: node, types: types)
            } else if let name = KeyColumnTracing.passedThroughName(right), let literal = Self.literal(left) {
                record(literal, ordered: ordered, port: name, in: node, types: types)
            }
        case .call(let name, let arguments) where name == "IN" || name == "DECODE":
            guard let first = arguments.first, let port = KeyColumnTracing.passedThroughName(first) else { break }
            // IN(x, a, b, …): every argument after the first; DECODE(x, a, r1, b, r2, …, default): the
            // searched values at odd positions.
            let candidates =
                name == "IN"
                ? Array(arguments.dropFirst())
                : stride(from: 1, to: arguments.count - 1, by: 2).map { arguments[$0] }
            for candidate in candidates {
                if let literal = Self.literal(candidate) {
                    record(literal, ordered: false, port: port, in: node, types: types)
                }
            }
        default: break
        }
        for child in expression.children { visit(child, in: node, types: types) }
    }

    static let comparisons: Set<BinaryOperator> = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]

    /// A number or string literal's text and whether it is a number.
    static func literal(_ expression: Expr) -> (text: String, number: Bool)? {
        switch expression.kind {
        case .number(let text): (text, true)
        case .string(let text): (text, false)
        case .unary(.negate, let inner):
            if case .number(let text) = inner.kind { ("-" + text, true) } else { nil }
        default: nil
        }
    }

    /// Adds `literal` (and, for an ordering comparison of a number, its neighbours one unit away)
    /// to every table column port `port` of `node` reads, where the value fits the column's type.
    mutating func record(
        _ literal: (text: String, number: Bool), ordered: Bool, port: String, in node: Node,
        types: [TableColumn: DataType]
    ) {
        for column in tracing.origins(node: node.id, port: port) {
            guard let type = types[column] else { continue }
            var texts = [literal.text]
            if literal.number, ordered, let number = Decimal(string: literal.text, locale: Self.posix) {
                texts += [number + 1, number - 1].map { "\($0)" }
            }
            for text in texts {
                guard let value = Self.value(text, number: literal.number, as: type),
                    !(values[column] ?? []).contains(value)
                else { continue }
                values[column, default: []].append(value)
            }
        }
    }

    static let posix = Locale(identifier: "en_US_POSIX")

    /// `text` as a value of `type`, or nil when it does not fit (a string too long, a number with
    /// too many digits or a fraction an integer cannot hold, a string compared with a number).
    static func value(_ text: String, number: Bool, as type: DataType) -> Value? {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            return p > 0 && text.count > p ? nil : .string(text)
        case .integer, .smallInteger, .bigInteger:
            guard number, let whole = Int64(text), SyntheticValues.integerRange(type).contains(whole) else {
                return nil
            }
            return .integer(whole)
        case .decimal(let p, let s):
            guard number, let decimal = Decimal(string: text, locale: posix), decimal.isFinite else { return nil }
            let (integerDigits, fraction) = SyntheticValues.decimalDigits(precision: p, scale: s)
            var rounded = Decimal()
            var source = decimal
            NSDecimalRound(&rounded, &source, fraction, .plain)
            guard rounded == decimal,
                abs(NSDecimalNumber(decimal: decimal).doubleValue) < pow(10, Double(integerDigits))
            else { return nil }
            return .decimal(decimal)
        case .double, .real:
            guard number, let double = Double(text) else { return nil }
            return .double(double)
        case .dateTime, .binary:
            return nil
        }
    }
}
