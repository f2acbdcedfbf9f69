/// Prints a SQL syntax tree in one dialect, in a stable, readable layout: one clause per line,
/// one select item per line, CTEs in order, parentheses only where precedence needs them.
///
/// The printer never sees user text except through the dialect's identifier and literal
/// functions, so a name or a string can never change the statement's structure.
public struct SQLPrinter: Sendable {
    /// The dialect to spell the tree in.
    public let dialect: any SQLDialect

    /// Creates a printer for `dialect`.
    public init(_ dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// A statement, without a trailing semicolon.
    public func print(_ statement: SQLStatement) -> String {
        switch statement {
        case .query(let query): return print(query, indent: "")
        case .insert(let table, let columns, let query):
            let list = columns.map(dialect.identifier).joined(separator: ", ")
            return "INSERT INTO \(name(table)) (\(list))\n" + print(insertable(query), indent: "")
        case .update(let table, let assignments, let filter):
            var text = "UPDATE \(name(table))\nSET " + assignments.map(print).joined(separator: ",\n    ")
            if let filter { text += "\nWHERE " + print(filter) }
            return text
        case .delete(let table, let filter):
            return "DELETE FROM \(name(table))" + (filter.map { "\nWHERE " + print($0) } ?? "")
        case .merge(let merge): return print(merge)
        case .truncate(let table):
            return dialect.supportsTruncate ? "TRUNCATE TABLE \(name(table))" : "DELETE FROM \(name(table))"
        case .createTable(let table, let columns):
            let lines = columns.map { column in
                "    \(dialect.identifier(column.name)) \(dialect.typeName(column.type))"
                    + (column.nullable ? "" : " NOT NULL")
            }
            return "CREATE TABLE \(name(table)) (\n" + lines.joined(separator: ",\n") + "\n)"
        case .insertOnConflict(let upsert): return print(upsert)
        case .updateFrom(let update): return print(update)
        case .beginTransaction: return dialect.transactionKeywords?.begin ?? "BEGIN TRANSACTION"
        case .commitTransaction: return dialect.transactionKeywords?.commit ?? "COMMIT"
        case .verbatim(let text): return SQLVerbatimText.trimmed(text)
        }
    }

    /// `query` as the dialect accepts it after `INSERT INTO t (…)`: its common tables written as
    /// derived tables where the dialect takes no `WITH` there
    /// (``SQLDialect/acceptsCommonTablesInInsert``). The printer decides this, not lowering, so
    /// that a lowering stands for dialects that differ in it alone.
    func insertable(_ query: SQLQuery) -> SQLQuery {
        dialect.acceptsCommonTablesInInsert ? query : SQLCommonTableInlining.inline(query)
    }

    /// A query, each line after the first prefixed by `indent`.
    public func print(_ query: SQLQuery, indent: String) -> String {
        var text = ""
        write(query, indent: indent, to: &text)
        return text
    }

    /// ``print(_:indent:)`` of `query`, appended to `text`: a nested query is written where it
    /// goes rather than printed apart and copied into each enclosing query's text.
    func write(_ query: SQLQuery, indent: String, to text: inout String) {
        switch query {
        case .select(let select): write(select, indent: indent, to: &text)
        case .union(let all, let parts):
            for (index, part) in parts.enumerated() {
                if index > 0 { text += "\n\(indent)UNION\(all ? " ALL" : "")\n\(indent)" }
                if case .union = part {
                    text += "("
                    write(part, indent: indent, to: &text)
                    text += ")"
                } else {
                    write(part, indent: indent, to: &text)
                }
            }
        }
    }

    /// An expression, parenthesised as its operators' precedence requires.
    public func print(_ expression: SQLExpression) -> String {
        SQLExpressionPrinter(dialect: dialect, printer: self).print(expression, context: 0)
    }

    func name(_ table: SQLTableName) -> String {
        (table.schema.map { dialect.identifier($0) + "." } ?? "") + dialect.identifier(table.name)
    }

    func print(_ assignment: SQLAssignment) -> String {
        dialect.identifier(assignment.column) + " = " + print(assignment.value)
    }
}
