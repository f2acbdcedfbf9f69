import IR

/// A value that stops the statement where the runtime rejects the row (``SQLDialect/failure(_:)``:
/// an `ADD_TO_DATE` leaving the years 1 to 9999, a string function past its limit) is computed
/// only when a database computes its column, and a database computes a common table's column only
/// when the statement needs it (``SQLColumnLiveness``). The runtime computes every port of a
/// transformation, read or not, and rejects the row where one fails. So a target whose statement
/// holds such a value in a column it does not need would write the rows the runtime rejects: it is
/// refused.
extension SQLPipelineBuilder {
    /// Refuses `target` when a common table of its statement `select` holds a value that can stop
    /// the statement in a column the statement does not need.
    func checkUnneededFailures(_ select: SQLSelect, of target: Node) throws(SQLPushdownRefusal) {
        guard !select.with.isEmpty else { return }
        var liveness: SQLColumnLiveness?
        for table in select.with {
            for (name, value) in Self.columns(of: table.query) where canStop(value) {
                if liveness == nil { liveness = SQLColumnLiveness(select) }
                guard liveness?.needs(table.name, name) == false else { continue }
                // The node whose relation is that table (the least key, should several share it).
                let owner = relations.filter { $0.value.table.name.uppercased() == table.name.uppercased() }
                    .keys.min().flatMap { context.nodes[String($0.prefix { $0 != "\u{1}" })] }
                let node = owner ?? target
                let port = node.ports.first { $0.name.uppercased() == name }
                throw refusal(
                    SQLPipelineDiagnostics.expressionNotLowered, node,
                    "port '\(port?.name ?? name)' of '\(node.id)' can reject rows, which SQL does by stopping the "
                        + "statement, and nothing that target '\(target.id)' writes reads it: no database computes "
                        + "a column nothing reads, while the runtime computes every port and rejects those rows",
                    fix: "connect the port, or remove it, or keep this path in the runtime",
                    location: port?.provenance.location, path: port?.provenance.path)
            }
        }
    }

    /// Each column of `query` with its value: a select's items, or every query's items of a union
    /// under the first query's names.
    static func columns(of query: SQLQuery) -> [(name: String, value: SQLExpression)] {
        switch query {
        case .select(let select): return select.items.map { (SQLColumnLiveness.name(of: $0), $0.expression) }
        case .union(_, let queries):
            guard case .select(let first)? = queries.first else { return [] }
            let names = first.items.map(SQLColumnLiveness.name(of:))
            return queries.flatMap { query -> [(name: String, value: SQLExpression)] in
                guard case .select(let select) = query else { return [] }
                return zip(names, select.items).map { ($0, $1.expression) }
            }
        }
    }

    /// Whether `value` holds the dialect's failure of a message (``SQLDialect/failure(_:)``, whose
    /// messages always start with a string literal).
    /// The dialect is asked only about a cast or a one-argument call of a message starting with a
    /// string literal, so that the check reads it for few statements
    /// (``SQLPipelineLowering/lower(_:inEach:)`` shares what reads it alike).
    func canStop(_ value: SQLExpression) -> Bool { Self.canStop(value, in: dialect) }

    /// ``canStop(_:)`` in `dialect`: static, so that the closure that walks the children captures
    /// the dialect alone, not a copy of the whole builder at every level.
    static func canStop(_ value: SQLExpression, in dialect: any SQLDialect) -> Bool {
        let message: SQLExpression?
        switch value {
        case .cast(let operand, _): message = operand
        case .function(_, let arguments) where arguments.count == 1: message = arguments[0]
        default: message = nil
        }
        if let message, startsWithString(message), dialect.failure(message) == value { return true }
        return value.containsChild { canStop($0, in: dialect) }
    }

    /// Whether `message` is a string literal or a concatenation starting with one.
    static func startsWithString(_ message: SQLExpression) -> Bool {
        switch message {
        case .literal(.string): true
        case .binary(.concat, let left, _): startsWithString(left)
        default: false
        }
    }
}
