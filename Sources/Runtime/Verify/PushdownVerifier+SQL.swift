import Codegen
import Foundation
import IR

extension PushdownVerifier {
    /// Whether the PostgreSQL database of `connection` changes the case of every letter: not in the
    /// `C` or `POSIX` character type, where `upper('é')` is `'é'` (its SQL then refuses UPPER and
    /// LOWER, as on SQLite, rather than differ); true when the setting cannot be read.
    static func casesAllLetters(_ connection: any RelationalConnection) -> Bool {
        guard let rows = try? connection.query("SHOW lc_ctype", types: [.string(precision: 200)]),
            case .string(let ctype)? = rows.rows.first?.first
        else { return true }
        return ctype != "C" && ctype != "POSIX"
    }

    /// Lowers `pipeline` for `engine`'s dialect, loads `dataset` (flat-file sources into their
    /// staging tables) and the empty targets into a scratch database or schema, runs the statements
    /// and compares each target with the native one; a flat-file target's query rows are compared
    /// with the rows the native run gave it.
    func runSQL(
        _ engine: VerificationEngine, _ pipeline: Pipeline, _ dataset: SyntheticDataset, _ folder: String,
        native: SQLiteRelationalConnection, _ lowering: (any SQLDialect) -> SQLPipelineLowering,
        _ settings: EvaluationSettings, _ report: inout VerificationReport
    ) throws {
        let (connection, cleanUp) = try open(engine, folder)
        defer { cleanUp() }
        let dialect: any SQLDialect =
            engine == .postgres ? PostgreSQLDialect(casesAllLetters: Self.casesAllLetters(connection)) : SQLiteDialect()
        let sql = lowering(dialect).lower(pipeline)
        report.notPushedDown += sql.report.notPushedDown.map { refusal in
            let d = refusal.diagnostic
            return VerificationReport.Refusal(
                engine: engine.rawValue, target: refusal.target, node: refusal.node, code: d.code.description,
                message: d.message, location: "\(d.location.file):\(d.location.line):\(d.location.column)")
        }
        guard !sql.loads.isEmpty || !sql.fileLoads.isEmpty else { return }
        try load(dataset, pipeline, into: connection, dialect)
        try stage(sql, dataset, into: connection, dialect)
        // Every load first: targets that load one table are compared once all have written it.
        var written: [(node: Node, table: String)] = []
        for load in sql.loads {
            guard let node = pipeline.node(id: load.target), case .target(let spec) = node.op else { continue }
            try createTarget(node, spec.table, on: connection, dialect)
            do {
                for statement in load.statements { try connection.execute(SQLPrinter(dialect).print(statement)) }
            } catch {
                report.problems.append("\(engine.rawValue): target '\(load.target)': \(error.message)")
                continue
            }
            written.append((node, spec.table))
        }
        for (node, table) in written {
            // The native rows of every target whose SQL wrote the same table.
            let sharing = written.filter { $0.table.uppercased() == table.uppercased() }.map(\.node.id)
            record(engine, node, table, sharing: sharing, native: native, connection, dialect, &report)
        }
        for load in sql.fileLoads {
            recordFile(engine, load, pipeline, folder: folder, native: native, connection, dialect, settings, &report)
        }
    }

    /// Compares the target table on `connection` with the native one, both read as the target's
    /// port types (so a decimal stored as SQLite text compares as a number), and records both counts.
    /// The native run writes each target into its own scratch table, named after it: a table that
    /// several targets (`sharing`) load is compared with the rows of all of them.
    func record(
        _ engine: VerificationEngine, _ node: Node, _ table: String, sharing: [String],
        native: SQLiteRelationalConnection, _ connection: any RelationalConnection, _ dialect: any SQLDialect,
        _ report: inout VerificationReport
    ) {
        let ports = node.ports.filter { $0.roles.contains(.input) }
        let comparer = TableComparer(columns: ports.map { ($0.name, Self.kind(of: $0.type)) })
        do throws(ConnectorError) {
            var nativeRows: [[Value]] = []
            for id in sharing {
                nativeRows += try Self.rows(of: id, ports, on: native, quote: native.quote)
            }
            let engineRows = try Self.rows(of: table, ports, on: connection, quote: dialect.identifier)
            let comparison = comparer.compare(source: nativeRows, target: engineRows)
            let index =
                report.targets.firstIndex { $0.target == node.id }
                ?? {
                    report.targets.append(
                        .init(target: node.id, table: table, rows: ["native": nativeRows.count], comparisons: [:]))
                    return report.targets.count - 1
                }()
            report.targets[index].rows[engine.rawValue] = engineRows.count
            report.targets[index].comparisons[engine.rawValue] = comparison
        } catch {
            report.problems.append("\(engine.rawValue): target '\(node.id)': \(error.message)")
        }
    }

    /// Every row of `table`, its columns read as the ports' types.
    static func rows(
        of table: String, _ ports: [IR.Port], on connection: any RelationalConnection, quote: (String) -> String
    ) throws(ConnectorError) -> [[Value]] {
        let columns = ports.map { quote($0.name) }.joined(separator: ", ")
        return try connection.query("SELECT \(columns) FROM \(quote(table))", types: ports.map { $0.type }).rows
    }

    /// The kind a port's values are compared as.
    static func kind(of type: DataType) -> DatabaseColumn.ValueKind {
        switch type {
        case .integer, .smallInteger, .bigInteger: .integer
        case .decimal: .decimal
        case .double, .real: .double
        case .string, .nstring, .text, .ntext: .text
        case .dateTime: .dateTime
        case .binary: .binary
        }
    }

    /// A scratch SQLite file, or a new PostgreSQL schema (dropped by the returned clean-up).
    func open(_ engine: VerificationEngine, _ folder: String) throws -> (any RelationalConnection, () -> Void) {
        if engine == .sqlite {
            return (try SQLiteRelationalConnection(path: folder + "/sql.sqlite"), {})
        }
        guard let postgres else {
            throw ConnectorError(
                code: VerifyDiagnostics.noPostgres.code.description, message: "no PostgreSQL connection")
        }
        let connection = try postgres().get()
        let schema = "migrate_verify_" + UUID().uuidString.prefix(8).lowercased()
        try connection.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        return (connection, { try? connection.execute("DROP SCHEMA \(schema) CASCADE") })
    }

    /// Creates the tables the SQL reads: each relational source's (and lookup's) synthetic table
    /// under the table name the SQL uses (spelled as the dialect prints it), with the engine's
    /// storage types; flat-file sources are staged instead (``stage(_:_:into:_:)``).
    func load(
        _ dataset: SyntheticDataset, _ pipeline: Pipeline, into connection: any RelationalConnection,
        _ dialect: any SQLDialect
    ) throws {
        var created: Set<String> = []
        for node in pipeline.nodes {
            let name: String
            switch node.op {
            case .source(let spec) where spec.flatFile == nil: name = spec.table
            case .lookup(let spec): name = spec.table ?? node.id
            default: continue
            }
            guard let table = dataset.tables[node.id], !table.columns.isEmpty,
                created.insert(name.uppercased()).inserted
            else { continue }
            try fill(name, columns: table.columns, types: table.types, rows: table.rows.rows, connection, dialect)
        }
    }

    /// Creates a target table as the runtime does (its input ports; NOT NULL and the primary key from the
    /// target definition).
    func createTarget(_ node: Node, _ table: String, on connection: any RelationalConnection, _ dialect: any SQLDialect)
        throws
    {
        let ports = node.ports.filter { $0.roles.contains(.input) }
        let body = connection.targetTableBody(ports, spell: dialect.identifier)
        try connection.execute("CREATE TABLE IF NOT EXISTS \(dialect.identifier(table)) " + body)
    }
}
