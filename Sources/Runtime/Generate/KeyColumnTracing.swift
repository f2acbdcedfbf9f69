import IR

/// A column of a synthetic table: the table (a source or lookup node id) and the column (port) name.
struct TableColumn: Hashable, Comparable, Sendable {
    /// The node id that names the table.
    var table: String
    /// The port name that names the column.
    var column: String

    /// Orders by table, then column.
    static func < (a: TableColumn, b: TableColumn) -> Bool { (a.table, a.column) < (b.table, b.column) }
}

/// Follows ports back to the table columns their values come from: through `source` references,
/// and through ports whose expression passes another port of the same node through (`IN_ID`,
/// `TO_INTEGER(IN_ID)`, `LTRIM(RTRIM(NAME))`) or reads no other port.
struct KeyColumnTracing {
    /// The pipeline traced.
    let pipeline: Pipeline
    /// The columns of each synthetic table, by table (node) id.
    let tableColumns: [String: [String]]
    private let nodes: [String: Node]

    /// Calls that keep a value recognisably the same key (conversions, trimming, case).
    static let passThroughCalls: Set<String> = [
        "TO_CHAR", "TO_INTEGER", "TO_BIGINT", "TO_DECIMAL", "TO_FLOAT", "TO_DATE", "LTRIM", "RTRIM", "UPPER",
        "LOWER",
    ]

    /// A tracer over `pipeline` whose tables have the columns `tableColumns`.
    init(pipeline: Pipeline, tableColumns: [String: [String]]) {
        self.pipeline = pipeline
        self.tableColumns = tableColumns
        var nodes: [String: Node] = [:]
        for node in pipeline.nodes where nodes[node.id] == nil { nodes[node.id] = node }
        self.nodes = nodes
    }

    /// The node with id `id`.
    func node(_ id: String) -> Node? { nodes[id] }

    /// The port of `node` named `name` (exactly, else ignoring case as PowerCenter does).
    static func port(of node: Node, named name: String) -> Port? {
        if let exact = node.port(named: name) { return exact }
        let wanted = name.uppercased()
        return node.ports.first { $0.name.uppercased() == wanted }
    }

    /// The table columns the value of port `port` of node `nodeID` comes from (empty when it is
    /// computed, or comes from nowhere a table is generated for).
    func origins(node nodeID: String, port name: String) -> Set<TableColumn> {
        var visited: Set<TableColumn> = []
        return origins(node: nodeID, port: name, visited: &visited)
    }

    private func origins(node nodeID: String, port name: String, visited: inout Set<TableColumn>) -> Set<TableColumn> {
        guard let node = nodes[nodeID], let port = Self.port(of: node, named: name),
            visited.insert(TableColumn(table: nodeID, column: port.name)).inserted
        else { return [] }
        if let columns = tableColumns[nodeID], columns.contains(port.name), !port.roles.contains(.input) {
            return [TableColumn(table: nodeID, column: port.name)]
        }
        if let source = port.source { return origins(node: source.node, port: source.port, visited: &visited) }
        if let expression = port.expression, let passed = Self.derivedFromName(expression.text) {
            return origins(node: nodeID, port: passed, visited: &visited)
        }
        return []
    }

    /// The port name a port's expression takes its value from: the port it passes through, else
    /// the only port it reads (a cleaning expression such as
    /// `IIF(ISNULL(LTRIM(RTRIM(X))), '', LTRIM(RTRIM(X)))` keeps the key values of `X`); nil when it
    /// reads no port or several.
    static func derivedFromName(_ text: String) -> String? {
        let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        if let passed = passedThroughName(expression) { return passed }
        var names: [String: String] = [:]
        collectReferences(expression, into: &names)
        return names.count == 1 ? names.values.first : nil
    }

    private static func collectReferences(_ expression: Expr, into names: inout [String: String]) {
        if case .reference(let name) = expression.kind { names[name.uppercased()] = name }
        for child in expression.children { collectReferences(child, into: &names) }
    }

    /// The port name `expression` only passes through, or nil.
    static func passedThroughName(_ expression: Expr) -> String? {
        switch expression.kind {
        case .reference(let name): return name
        case .call(let name, let arguments) where passThroughCalls.contains(name):
            return arguments.first.flatMap(passedThroughName)
        default: return nil
        }
    }
}
