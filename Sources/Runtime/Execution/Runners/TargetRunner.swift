import Foundation
import IR

/// The writer options of a target instance (session attributes; defaults as PowerCenter's session
/// editor sets them: Insert, Update as Update and Delete on, the others off [BELIEVED]).
struct TargetOptions {
    var insert = true
    var updateAsUpdate = true
    var updateAsInsert = false
    var updateElseInsert = false
    var delete = true
    var truncate = false

    init(node: Node, context: RunContext) {
        func flag(_ name: String, _ fallback: Bool) -> Bool {
            guard let value = context.attribute(name, of: node)?.uppercased() else { return fallback }
            return value == "YES" || value == "1" || value == "TRUE"
        }
        insert = flag("Insert", true)
        updateAsUpdate = flag("Update as Update", true)
        updateAsInsert = flag("Update as Insert", false)
        updateElseInsert = flag("Update else Insert", false)
        delete = flag("Delete", true)
        truncate = flag("Truncate target table option", false)
    }
}

/// A target: applies each row's kind with the target options (insert, update, upsert, delete,
/// reject; reference §2.13, §2.20) inside the run's transaction on the target connection, or
/// appends to a flat file written under a temporary name and renamed when the run commits.
final class TargetRunner: NodeRunner {
    let spec: TargetSpec
    let resources: RunResources
    var options: TargetOptions?
    var connection: (any RelationalConnection)?
    var connectionName = ""
    var statements: (insert: String, update: String?, delete: String?)?
    var keyColumns: [Int] = []
    /// The columns an update sets (see ``open(_:)``).
    var valueColumns: [Int] = []
    var file: (path: String, temporary: String, handle: FileHandle, writer: FlatFileWriter)?
    var postSQL: String?
    /// Whether the table held no row when the run opened it; then a key this run has not written
    /// cannot be in it, and an upsert of such a key is an insert without the UPDATE round trip.
    var startsEmpty = false
    /// The keys this run may have written (inserted and not deleted since), when `startsEmpty`.
    var writtenKeys = WrittenKeys(keyColumns: [])
    /// Rows written in the current batch, added to the run's counters once per batch.
    var written = NodeCounters()
    /// Called once per connection before the first write, to open the run's transaction.
    let beginTransaction: (String, any RelationalConnection) throws(NodeFailure) -> Void

    init(
        layout: NodeLayout, spec: TargetSpec, resources: RunResources,
        beginTransaction: @escaping (String, any RelationalConnection) throws(NodeFailure) -> Void
    ) {
        self.spec = spec
        self.resources = resources
        self.beginTransaction = beginTransaction
        super.init(layout: layout)
    }

    var ports: [IR.Port] { (layout.inputPorts[""] ?? []).map { node.ports[$0] } }

    /// Opens the target: the file, or the table (created when allowed), truncation and pre-SQL.
    func open(_ context: RunContext) throws(NodeFailure) {
        options = TargetOptions(node: node, context: context)
        if resources.scratch == nil, let format = spec.flatFile {
            try openFile(format, context)
            return
        }
        let settings = context.settings(of: node.id)
        let (name, connection) = try resources.connection(named: settings?.connection, for: node)
        self.connection = connection
        connectionName = name
        try beginTransaction(name, connection)
        let table =
            resources.scratch != nil ? node.id : (context.attribute("Target Table Name", of: node) ?? spec.table)
        // The definition's owner (an Oracle schema, say) names nothing on the run's connection: the
        // connections file's `schema` setting (a search path) decides where the table is.
        let qualified = connection.qualified(table, schema: nil)
        try ensureTable(table, qualified, connection, name, context)
        let names = ports.map { connection.quote($0.name) }
        keyColumns = ports.indices.filter { ports[$0].key == .primary || ports[$0].key == .primaryForeign }
        // An update sets the connected non-key columns only (§2.20); the others keep their values.
        // With none connected it sets the key to itself: nothing changes, but the count of rows
        // it touched still tells an upsert which keys are missing.
        let connected = ports.indices.filter { !keyColumns.contains($0) && ports[$0].source != nil }
        valueColumns = connected.isEmpty ? keyColumns : connected
        writtenKeys = WrittenKeys(keyColumns: keyColumns)
        let insert =
            "INSERT INTO \(qualified) (\(names.joined(separator: ", "))) VALUES ("
            + ports.indices.map { connection.placeholder($0 + 1) }.joined(separator: ", ") + ")"
        var update: String?
        var delete: String?
        if !keyColumns.isEmpty {
            var index = 0
            func mark() -> String {
                index += 1
                return connection.placeholder(index)
            }
            let sets = valueColumns.map { "\(names[$0]) = \(mark())" }.joined(separator: ", ")
            let keys = keyColumns.map { "\(names[$0]) = \(mark())" }.joined(separator: " AND ")
            update = "UPDATE \(qualified) SET \(sets) WHERE \(keys)"
            index = 0
            delete =
                "DELETE FROM \(qualified) WHERE "
                + keyColumns.map { "\(names[$0]) = \(mark())" }.joined(separator: " AND ")
        }
        statements = (insert, update, delete)
        if options?.truncate == true { try run("DELETE FROM \(qualified)", connection) }
        do throws(ConnectorError) {
            startsEmpty = try connection.query("SELECT 1 FROM \(qualified) LIMIT 1", types: [.integer]).rows.isEmpty
        } catch {
            startsEmpty = false
        }
        if let pre = context.attribute("Pre SQL", of: node), !pre.trimmingCharacters(in: .whitespaces).isEmpty,
            resources.scratch == nil
        {
            try run(context.substitute(pre), connection)
        }
        postSQL = context.attribute("Post SQL", of: node).map(context.substitute)
    }

    func ensureTable(
        _ table: String, _ qualified: String, _ connection: any RelationalConnection, _ name: String,
        _ context: RunContext
    ) throws(NodeFailure) {
        let exists: Bool
        do throws(ConnectorError) {
            exists = try connection.tableExists(table, schema: nil)
        } catch {
            throw failure(
                RunDiagnostics.writeFailed, "target '\(node.id)': \(error.message)", fix: "check the connection")
        }
        guard !exists else { return }
        guard resources.mayCreateTables(on: name) else {
            throw failure(
                RunDiagnostics.writeFailed,
                "target table '\(table)' of '\(node.id)' does not exist on connection '\(name)'",
                fix: "create the table, or set 'create_tables: true' on the connection in the connections file")
        }
        try run("CREATE TABLE \(qualified) " + connection.targetTableBody(ports, spell: connection.quote), connection)
        context.diagnostics.append(
            RunDiagnostics.targetTableCreated(
                "created table '\(table)' on connection '\(name)' for target '\(node.id)'",
                at: node.provenance.location, path: node.provenance.path))
    }

    func run(_ sql: String, _ connection: any RelationalConnection) throws(NodeFailure) {
        do throws(ConnectorError) {
            try connection.execute(sql)
        } catch {
            throw failure(RunDiagnostics.writeFailed, "target '\(node.id)': \(error.message)", fix: "statement: \(sql)")
        }
    }

    func openFile(_ format: FlatFileFormat, _ context: RunContext) throws(NodeFailure) {
        let name = context.attribute("Output filename", of: node) ?? (spec.table.lowercased() + ".out")
        let path = resources.filePath(
            directory: context.attribute("Output file directory", of: node), name: name,
            defaultDirectory: "PMTargetFileDir")
        let temporary = path + ".migrate-tmp"
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw failure(RunDiagnostics.writeFailed, "cannot create '\(temporary)'", fix: "check the target directory")
        }
        file = (path, temporary, handle, FlatFileWriter(format: format, ports: ports, settings: context.settings))
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        if options == nil { try open(context) }
        count(context, in: batch.count, out: 0)
        if let file {
            try writeFile(batch, file.writer, file.handle, context)
            return [:]
        }
        var batch = batch
        if resources.scratch != nil, spec.flatFile != nil { batch.rows = asWritten(batch.rows, context) }
        guard let connection, let statements, let options else { return [:] }
        let sessionKind = context.treatRowsAs
        // Rows are written in runs of one operation, each run with one prepared statement. An
        // upsert run never holds two rows with the same key, so updating all of them and then
        // inserting those that updated nothing is the same as doing it row by row.
        var operations: [TargetOperation] = []
        var kinds: [RowKind] = []
        operations.reserveCapacity(batch.count)
        kinds.reserveCapacity(batch.count)
        for strategyKind in batch.kinds {
            let kind = RowKind.effective(sessionDefault: sessionKind, strategyResult: strategyKind)
            kinds.append(kind)
            switch kind {
            case .insert where options.insert: operations.append(.insert)
            case .update where options.updateAsInsert: operations.append(.insert)
            case .update where options.updateElseInsert: operations.append(.upsert)
            case .update where options.updateAsUpdate: operations.append(.update)
            case .delete where options.delete: operations.append(.delete)
            case .reject: operations.append(.reject("the update strategy rejected the row"))
            default: operations.append(.reject("the target's options do not allow \(kind.rawValue)s"))
            }
        }
        var start = 0
        while start < operations.count {
            let operation = operations[start]
            var end = start + 1
            // The keys of an upsert run so far.
            var keys = operation == .upsert ? GroupTable(keyColumns: keyColumns, capacity: 64) : nil
            _ = keys?.insert(batch.rows[start])
            while end < operations.count, operations[end] == operation {
                if keys?.insert(batch.rows[end]).isNew == false { break }
                end += 1
            }
            try write(operation, batch.rows[start..<end], kinds[start..<end], statements, connection, context)
            start = end
        }
        context.counters[id, default: NodeCounters()].rowsOut += written.rowsOut
        context.counters[id, default: NodeCounters()].inserted += written.inserted
        context.counters[id, default: NodeCounters()].updated += written.updated
        context.counters[id, default: NodeCounters()].deleted += written.deleted
        written = NodeCounters()
        return [:]
    }

    /// `rows` of a flat-file target stored in a scratch table (a run on synthetic data), with each
    /// value bound for a string field as the flat-file writer writes it, its text
    /// (``ValueConversion/text(_:_:)``), rather than as the database would convert it: the runtime
    /// passes an Aggregator's double on unconverted, and SQLite would store 2.0 as '2.0' where the
    /// writer writes 2. A value the writer could not write is kept.
    func asWritten(_ rows: [[Value]], _ context: RunContext) -> [[Value]] {
        let strings = ports.indices.filter { ports[$0].type.isString }
        guard !strings.isEmpty else { return rows }
        return rows.map { row in
            var row = row
            for index in strings where index < row.count {
                switch row[index] {
                case .null, .string: continue
                default:
                    if let text = try? ValueConversion.text(row[index], context.settings) { row[index] = .string(text) }
                }
            }
            return row
        }
    }

    /// What the writer does with one row.
    enum TargetOperation: Equatable {
        case insert, update, upsert, delete
        case reject(String)
    }

    /// Writes a run of rows that all take `operation`; `kinds` are their effective row kinds.
    func write(
        _ operation: TargetOperation, _ rows: ArraySlice<[Value]>, _ kinds: ArraySlice<RowKind>,
        _ statements: (insert: String, update: String?, delete: String?), _ connection: any RelationalConnection,
        _ context: RunContext
    ) throws(NodeFailure) {
        switch operation {
        case .reject(let reason):
            for (row, kind) in zip(rows, kinds) { rejectRow(row, kind, reason, context) }
        case .insert:
            try insert(Array(rows), statements.insert, connection, context)
        case .update, .upsert:
            guard let update = statements.update else {
                for (row, kind) in zip(rows, kinds) {
                    rejectRow(row, kind, "target has no primary key to update by", context)
                }
                return
            }
            var candidates = Array(rows)
            var missing: [[Value]] = []
            if operation == .upsert && startsEmpty {
                // A key this run has not written cannot be in a table that started empty.
                candidates = []
                for row in rows {
                    if writtenKeys.contains(row) { candidates.append(row) } else { missing.append(row) }
                }
            }
            if !candidates.isEmpty {
                let values = candidates.map { row in valueColumns.map { row[$0] } + keyColumns.map { row[$0] } }
                let outcomes = try execute(update, values, connection)
                for (row, outcome) in zip(candidates, outcomes) {
                    if case .changed(0) = outcome, operation == .upsert {
                        missing.append(row)
                    } else {
                        record(outcome, row, .update, context, inserted: false)
                    }
                }
            }
            if !missing.isEmpty { try insert(missing, statements.insert, connection, context) }
        case .delete:
            guard let delete = statements.delete else {
                for (row, kind) in zip(rows, kinds) {
                    rejectRow(row, kind, "target has no primary key to delete by", context)
                }
                return
            }
            let keys = rows.map { row in keyColumns.map { row[$0] } }
            for (row, outcome) in zip(rows, try execute(delete, keys, connection)) {
                record(outcome, row, .delete, context, inserted: false)
            }
        }
    }

    /// Inserts `rows` with the insert statement and records each outcome.
    func insert(_ rows: [[Value]], _ sql: String, _ connection: any RelationalConnection, _ context: RunContext)
        throws(NodeFailure)
    {
        for (row, outcome) in zip(rows, try execute(sql, rows, connection)) {
            record(outcome, row, .insert, context, inserted: true)
        }
    }

    func execute(_ sql: String, _ rows: [[Value]], _ connection: any RelationalConnection) throws(NodeFailure)
        -> [RowWriteOutcome]
    {
        do throws(ConnectorError) {
            return try connection.executeEach(sql, rows: rows)
        } catch {
            throw failure(RunDiagnostics.writeFailed, "target '\(node.id)': \(error.message)", fix: "statement: \(sql)")
        }
    }

    func record(_ outcome: RowWriteOutcome, _ row: [Value], _ kind: RowKind, _ context: RunContext, inserted: Bool) {
        switch outcome {
        case .changed(let n):
            if startsEmpty && !keyColumns.isEmpty {
                if kind == .insert { writtenKeys.insert(row) }
                if kind == .delete && n > 0 { writtenKeys.remove(row) }
            }
            written.rowsOut += 1
            switch kind {
            case .insert: written.inserted += 1
            case .update: written.updated += n
            case .delete: written.deleted += n
            case .reject: break
            }
        case .refused(let reason):
            rejectRow(row, kind, "the database refused the row: \(reason)", context)
        }
    }

    func rejectRow(_ row: [Value], _ kind: RowKind, _ reason: String, _ context: RunContext) {
        context.reject(
            id, RowError(code: RunDiagnostics.writeFailed.code.description, message: reason), kind: kind,
            values: row, isError: kind != .reject)
    }

    func writeFile(_ batch: RowBatch, _ writer: FlatFileWriter, _ handle: FileHandle, _ context: RunContext)
        throws(NodeFailure)
    {
        var kept = RowSet(columns: batch.columns)
        for (row, kind) in zip(batch.rows, batch.kinds) {
            if kind == .reject {
                rejectRow(row, kind, "the update strategy rejected the row", context)
            } else {
                kept.rows.append(row)
            }
        }
        do throws(RowError) {
            handle.write(Data(try writer.bytes(of: kept)))
            context.counters[id, default: NodeCounters()].rowsOut += kept.rows.count
            context.counters[id, default: NodeCounters()].inserted += kept.rows.count
        } catch {
            throw failure(RunDiagnostics.writeFailed, "target '\(node.id)': \(error.message)", fix: "check the values")
        }
    }

    /// Runs post-SQL; the caller commits.
    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        if options == nil { try open(context) }
        if let postSQL, let connection, !postSQL.trimmingCharacters(in: .whitespaces).isEmpty, resources.scratch == nil
        {
            try run(postSQL, connection)
        }
        return [:]
    }

    /// Makes a flat-file target visible under its name (after the relational commits).
    func publishFile() throws(NodeFailure) {
        guard let file else { return }
        file.handle.closeFile()
        do {
            if FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.removeItem(atPath: file.path)
            }
            try FileManager.default.moveItem(atPath: file.temporary, toPath: file.path)
        } catch {
            throw failure(
                RunDiagnostics.writeFailed, "cannot rename '\(file.temporary)': \(error)", fix: "check the directory")
        }
        self.file = nil
    }

    /// Removes an unpublished flat-file target.
    func discardFile() {
        guard let file else { return }
        file.handle.closeFile()
        try? FileManager.default.removeItem(atPath: file.temporary)
        self.file = nil
    }
}
