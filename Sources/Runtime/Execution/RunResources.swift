import Foundation
import IR

/// What a run reads and writes through: the connections file's connections (opened on first use
/// and kept for the run), its directories, and in a `--generate` run one scratch database that
/// stands for every connection.
public final class RunResources {
    /// The connections file, if the run has one.
    public let file: ConnectionsFile?
    /// The connectors available.
    public let registry: ConnectorRegistry
    /// The database standing for every connection (`--generate`), if any.
    public let scratch: (any RelationalConnection)?
    /// The environment secrets are read from.
    let environment: [String: String]
    private var opened: [String: any RelationalConnection] = [:]

    /// Creates the resources of a run.
    public init(
        file: ConnectionsFile?, registry: ConnectorRegistry = .standard, scratch: (any RelationalConnection)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.file = file
        self.registry = registry
        self.scratch = scratch
        self.environment = environment
    }

    /// Whether missing target tables may be created on the connection named `name`.
    func mayCreateTables(on name: String) -> Bool {
        scratch != nil || (file?.connections[name]?.createTables ?? false)
    }

    /// The connections opened so far, by name.
    var openConnections: [(name: String, connection: any RelationalConnection)] {
        opened.keys.sorted().compactMap { name in opened[name].map { (name, $0) } }
    }

    /// The connection `name` stands for (`$Source`, `$Target` and nil mean the default), opened once.
    func connection(named name: String?, for node: Node) throws(NodeFailure) -> (
        name: String, connection: any RelationalConnection
    ) {
        if let scratch { return ("scratch", scratch) }
        let resolved = resolvedName(name)
        guard let resolved, let entry = file?.connections[resolved] else {
            let known = file?.connections.keys.sorted().joined(separator: ", ") ?? "none: no --connections file"
            throw NodeFailure(
                RunDiagnostics.unresolvedConnection(
                    "node '\(node.id)' reads or writes through connection '\(name ?? "(none)")', which the "
                        + "connections file does not define (defined: \(known))",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "add '\(resolved ?? name ?? "NAME")' under 'connections:' or set 'default:'; "
                        + "or run with --generate N to use synthetic data"))
        }
        if let open = opened[resolved] { return (resolved, open) }
        let (connection, diagnostics) = registry.open(entry, environment: environment)
        guard let connection else {
            throw NodeFailure(
                diagnostics.first
                    ?? RunDiagnostics.unresolvedConnection(
                        "connection '\(resolved)' cannot be opened", at: entry.location, fix: "check its settings"))
        }
        opened[resolved] = connection
        return (resolved, connection)
    }

    /// `name` with `$Source`/`$Target`/nil replaced by the default connection, and PowerCenter's
    /// `Relational:` prefix removed.
    func resolvedName(_ name: String?) -> String? {
        var text = name?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.hasPrefix("Relational:") { text.removeFirst("Relational:".count) }
        if text.isEmpty || text.hasPrefix("$") {
            if let file, file.connections[text] != nil { return text }
            return file?.defaultConnection ?? (file?.connections.count == 1 ? file?.connections.keys.first : nil)
        }
        return text
    }

    /// The folder a directory variable (`$PMSourceFileDir`, with or without `$`) stands for.
    func directory(_ name: String) -> String? {
        var bare = name
        while bare.hasPrefix("$") { bare.removeFirst() }
        return file?.directories[bare]
    }

    /// A file path from a session's directory and file name attributes: directory variables
    /// replaced, Windows separators turned around, relative results under `defaultDirectory`.
    func filePath(directory: String?, name: String, defaultDirectory: String) -> String {
        var folder = (directory ?? "").replacingOccurrences(of: "\\", with: "/")
        if folder.hasPrefix("$") {
            let variable = String(folder.prefix { $0 != "/" })
            folder = (self.directory(variable) ?? variable) + folder.dropFirst(variable.count)
        }
        if folder.isEmpty { folder = self.directory(defaultDirectory) ?? file?.baseDirectory ?? "." }
        let joined = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        if joined.hasPrefix("/") { return joined }
        return ConnectionsFile.resolve(joined, against: file?.baseDirectory ?? FileManager.default.currentDirectoryPath)
    }
}
