import ArgumentParser
import Foundation
import IR
import Runtime

/// `migrate reconcile`: compares a legacy table with its migrated copy, as a migration team does.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare a legacy table with its migrated copy: schema, counts, aggregates, rows.",
        discussion: """
            CONN:TABLE names a connection of the connections file and a table (schema.table allowed); \
            without --connections, CONN is the path of a SQLite database file. Values compare by \
            meaning across databases (12.50 = '12.5', a date = its ISO text). Rows are matched by \
            --keys, else by the primary key both tables declare, else compared whole as multisets. \
            Exit 0 when the tables match (or differ by no more than --threshold), 1 when they differ, \
            2 on a usage or IO error.
            """
    )

    @Option(name: .long, help: "The legacy table, CONN:TABLE.")
    var source: String

    @Option(name: .long, help: "The migrated table, CONN:TABLE.")
    var target: String

    @Option(name: .long, help: "The connections file (YAML).")
    var connections: String?

    @Option(name: .long, help: "Key columns to match rows by, comma-separated.")
    var keys: String?

    @Option(name: .long, help: "The largest fraction of differing rows still accepted (0.001 = 0.1%).")
    var threshold: Double = 0

    @Option(name: .long, help: "The largest absolute difference of two numbers still equal (rows matched by key).")
    var tolerance: Double = 0

    @Flag(name: .long, help: "Ignore trailing blanks of text (CHAR columns pad them).")
    var ignoreTrailingBlanks = false

    @Option(name: .long, help: "How many sample rows of each kind to show.")
    var samples: Int = 10

    @Option(name: .long, help: "How to print the report: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must not be negative") }
        guard samples >= 0 else { throw ValidationError("--samples must not be negative") }
    }

    func run() throws {
        var file: ConnectionsFile?
        if let connections {
            let (read, problems) = ConnectionsFile.read(path: connections)
            guard let read, !problems.hasErrors else {
                common.printer.print(problems)
                throw ExitCode(ExitStatus.usageOrIO)
            }
            file = read
        }
        let sourceTable = try open(source, "--source", file)
        let targetTable = try open(target, "--target", file)
        let reconciler = TableReconciler(
            keys: keys.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            threshold: threshold, tolerance: tolerance, trimTrailingBlanks: ignoreTrailingBlanks, sampleLimit: samples)
        let report: ReconcileReport
        do {
            report = try reconciler.reconcile(source: sourceTable, target: targetTable)
        } catch {
            common.printer.print([error.diagnostic])
            throw ExitCode(ExitStatus.usageOrIO)
        }
        StandardOutput.write(format == .json ? report.json : report.text)
        if report.verdict == .differs { throw ExitCode(ExitStatus.conversionErrors) }
    }

    /// Opens the table `reference` names (`CONN:TABLE`).
    func open(_ reference: String, _ option: String, _ file: ConnectionsFile?) throws -> TableReconciler.Table {
        // A SQLite path may hold colons; a connection name does not.
        let split = file == nil ? reference.lastIndex(of: ":") : reference.firstIndex(of: ":")
        guard let split, split != reference.startIndex, reference.index(after: split) != reference.endIndex else {
            fail(
                ReconcileDiagnostics.invalidTableReference(
                    "\(option) '\(reference)' is not CONNECTION:TABLE", at: SourceLocation(file: "<arguments>"),
                    fix: "write the connection name, a colon and the table, as DW:SCHEMA.TABLE"))
        }
        let name = String(reference[..<split])
        let qualified = String(reference[reference.index(after: split)...])
        let parts = qualified.split(separator: ".", maxSplits: 1).map(String.init)
        let (schema, table) = parts.count == 2 ? (Optional(parts[0]), parts[1]) : (nil, qualified)
        let entry: ConnectionEntry
        if let file {
            guard let found = file.connections[name] else {
                fail(
                    ReconcileDiagnostics.unknownConnection(
                        "\(option) names connection '\(name)', which the connections file does not have",
                        at: SourceLocation(file: connections ?? ""),
                        fix: "use one of: \(file.connections.keys.sorted().joined(separator: ", "))"))
            }
            entry = found
        } else {
            guard FileManager.default.fileExists(atPath: name) else {
                fail(
                    ReconcileDiagnostics.unknownConnection(
                        "\(option) names '\(name)', which is not a SQLite file (no --connections was given)",
                        at: SourceLocation(file: name), fix: "give --connections FILE, or the path of a SQLite database"
                    ))
            }
            entry = ConnectionEntry(
                name: name, type: "sqlite", settings: ["path": name], location: SourceLocation(file: name))
        }
        let (connection, problems) = ConnectorRegistry.standard.open(entry)
        guard let connection else {
            common.printer.print(problems)
            throw ExitCode(ExitStatus.usageOrIO)
        }
        return TableReconciler.Table(connection: connection, connectionName: name, table: table, schema: schema)
    }

    /// Prints `diagnostic` and exits with the usage status.
    func fail(_ diagnostic: Diagnostic) -> Never {
        common.printer.print([diagnostic])
        Foundation.exit(ExitStatus.usageOrIO)
    }
}
