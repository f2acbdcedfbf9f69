import IR

/// Preview and profiling SQL for one transformation of a pipeline (issue 5): the rows the node
/// outputs, as the pipeline's SQL computes them, limited to the first rows in the dialect's own
/// syntax; and a profile of each output column (type, rows, NULLs and their share, distinct
/// values, smallest and largest value) with each column's most frequent values.
///
/// A node whose rows the lowering cannot compute exactly gets the refusal instead (the same
/// located diagnostic as the pushdown report).
public struct SQLNodeQueries: Sendable {
    /// The dialect.
    public let dialect: any SQLDialect
    /// Session settings that change what expressions compute.
    public let options: SQLLoweringOptions

    /// Creates the queries for `dialect`.
    public init(_ dialect: any SQLDialect, options: SQLLoweringOptions = SQLLoweringOptions()) {
        self.dialect = dialect
        self.options = options
    }

    /// Why a node's rows have no query: the node that stops it and the diagnostic.
    public struct Refusal: Error, Sendable {
        /// The node that cannot be lowered (the node asked for, or one upstream of it).
        public var node: String
        /// Why.
        public var diagnostic: Diagnostic
    }

    /// `SELECT` of the first `rows` rows `node` outputs (its output `group` for a router).
    public func preview(_ pipeline: Pipeline, node id: String, group: String = "", rows: Int = 100) -> Result<
        SQLStatement, Refusal
    > {
        Result { () throws(Refusal) in
            let (tables, base, ports) = try nodeRows(pipeline, id, group)
            let select = SQLSelect(
                with: tables + [base], items: ports.map { SQLSelectItem(.column(table: nil, name: $0.name)) },
                from: .table(SQLTableName(base.name), alias: nil), limit: rows)
            return .query(shaped(.select(select)))
        }
    }

    /// The profile of `node`'s output columns: one summary statement (a row per column) and one
    /// statement per column with its `top` most frequent values.
    public func profile(_ pipeline: Pipeline, node id: String, group: String = "", top: Int = 5) -> Result<
        [SQLStatement], Refusal
    > {
        Result { () throws(Refusal) in
            let (tables, base, ports) = try nodeRows(pipeline, id, group)
            let from = SQLFromItem.table(SQLTableName(base.name), alias: nil)
            let summaries = ports.map { port in SQLQuery.select(summary(port, from: from)) }
            var statements = [
                SQLStatement.query(
                    shaped(
                        .select(
                            SQLSelect(
                                with: tables + [base], items: [SQLSelectItem(.star(table: nil))],
                                from: .subquery(.union(all: true, summaries), alias: "PROFILE")))))
            ]
            for port in ports {
                let column = SQLExpression.column(table: nil, name: port.name)
                let frequency = SQLExpression.function(name: "COUNT", arguments: [.star(table: nil)])
                statements.append(
                    .query(
                        shaped(
                            .select(
                                SQLSelect(
                                    with: tables + [base],
                                    items: [
                                        SQLSelectItem(column, as: "VALUE"), SQLSelectItem(frequency, as: "FREQUENCY"),
                                    ],
                                    from: from, groupBy: [column],
                                    orderBy: [
                                        SQLOrdering(frequency, descending: true, nulls: .unspecified),
                                        SQLOrdering(column, nulls: .last),
                                    ], limit: top)))))
            }
            return statements
        }
    }

    /// One profile row: name, type, rows, NULLs, NULL share, distinct values, minimum and maximum
    /// (as text, so that every column's row has one shape).
    func summary(_ port: Port, from: SQLFromItem) -> SQLSelect {
        let column = SQLExpression.column(table: nil, name: port.name)
        let rows = SQLExpression.function(name: "COUNT", arguments: [.star(table: nil)])
        let nulls = SQLExpression.binary(.subtract, rows, .function(name: "COUNT", arguments: [column]))
        let distinct = SQLExpression.subquery(
            .select(
                SQLSelect(
                    items: [SQLSelectItem(.function(name: "COUNT", arguments: [.star(table: nil)]))],
                    from: .subquery(
                        .select(
                            SQLSelect(
                                distinct: true, items: [SQLSelectItem(column)], from: from,
                                filter: .isNull(column, negated: true))), alias: "D"))))
        let share = SQLExpression.caseWhen(
            branches: [SQLWhen(.binary(.equal, rows, .literal(.integer(0))), then: .literal(.null))],
            otherwise: .binary(.divide, .binary(.multiply, .literal(.decimal("100.0")), nulls), rows))
        let text = SQLType(.string(precision: 4000))
        let isBinary = if case .binary = port.type { true } else { false }
        let extreme = { (function: String) -> SQLExpression in
            isBinary ? .cast(.literal(.null), text) : .cast(.function(name: function, arguments: [column]), text)
        }
        return SQLSelect(
            items: [
                SQLSelectItem(.literal(.string(port.name)), as: "COLUMN_NAME"),
                SQLSelectItem(.literal(.string(port.type.canonicalName)), as: "PORT_TYPE"),
                SQLSelectItem(rows, as: "ROW_COUNT"), SQLSelectItem(nulls, as: "NULL_COUNT"),
                SQLSelectItem(share, as: "NULL_PERCENT"), SQLSelectItem(distinct, as: "DISTINCT_COUNT"),
                SQLSelectItem(extreme("MIN"), as: "MINIMUM"), SQLSelectItem(extreme("MAX"), as: "MAXIMUM"),
            ], from: from)
    }

    /// The common tables computing `node`'s rows, a last one holding them under the ports'
    /// names, and the ports.
    func nodeRows(_ pipeline: Pipeline, _ id: String, _ group: String) throws(Refusal) -> (
        [SQLCommonTable], SQLCommonTable, [Port]
    ) {
        guard let node = pipeline.node(id: id) else {
            throw Refusal(
                node: id,
                diagnostic: SQLPipelineDiagnostics.inputRows(
                    "the pipeline has no node '\(id)'", at: pipeline.provenance.location,
                    path: pipeline.provenance.path,
                    fix: "use one of: \(pipeline.nodes.map(\.id).joined(separator: ", "))"))
        }
        let context = SQLPipelineContext(pipeline: pipeline, lowering: SQLPipelineLowering(dialect, options: options))
        var builder = SQLPipelineBuilder(context: context)
        let relation: SQLRelation
        do {
            relation = try builder.relation(of: node, group: group)
        } catch {
            throw Refusal(node: error.node, diagnostic: error.diagnostic)
        }
        let ports = node.ports.filter { port in
            port.roles.contains(.output) && (group.isEmpty || port.group == group)
                && relation.columns[PortRef(node: node.id, port: port.name)] != nil
        }
        let items = ports.compactMap { port in
            relation.column(PortRef(node: node.id, port: port.name)).map { SQLSelectItem($0, as: port.name) }
        }
        let name = builder.addTable(node.id + "_ROWS", .select(SQLSelect(items: items, from: relation.from())))
        let base = builder.tables.removeLast()
        return (builder.tables, SQLCommonTable(name, base.query), ports)
    }

    /// `query` with its common tables written as derived tables where the dialect has no `WITH`.
    func shaped(_ query: SQLQuery) -> SQLQuery {
        dialect.supportsCommonTables ? query : SQLCommonTableInlining.inline(query)
    }
}
