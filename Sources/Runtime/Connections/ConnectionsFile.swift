import Foundation
import IR
import Yams

/// One named connection of a connections file: its connector type and settings.
public struct ConnectionEntry: Hashable, Sendable {
    /// The export's connection name.
    public var name: String
    /// The connector type (`sqlite`, `postgresql`).
    public var type: String
    /// The remaining settings, as text (`path`, `host`, `password_env`...).
    public var settings: [String: String]
    /// Whether the run may create a missing target table from its definition.
    public var createTables: Bool
    /// Where the entry is written.
    public var location: SourceLocation

    /// Creates an entry.
    public init(
        name: String, type: String, settings: [String: String] = [:], createTables: Bool = false,
        location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.settings = settings
        self.createTables = createTables
        self.location = location
    }
}

/// The connections file: how a run maps the export's connection names to real databases, and the
/// directories that `$PMSourceFileDir` and its siblings stand for.
///
/// ```yaml
/// connections:
///   DW_SQLITE: {type: sqlite, path: out/dw.sqlite, create_tables: true}
///   BILLING: {type: postgresql, host: db1, port: 5432, database: billing, user: etl, password_env: BILLING_PW}
/// directories:
///   PMSourceFileDir: data
/// default: DW_SQLITE
/// ```
///
/// Relative paths are relative to the file's folder. Secrets never appear inline: a key ending in
/// `_env` names the environment variable that holds the value (`password_env`), and `password`
/// itself is refused (RT0455).
public struct ConnectionsFile: Hashable, Sendable {
    /// The connections by name, as written.
    public var connections: [String: ConnectionEntry]
    /// Directory variables by name without `$` (`PMSourceFileDir`), as absolute paths.
    public var directories: [String: String]
    /// The connection used for `$Source`, `$Target` and nodes with no connection, if named.
    public var defaultConnection: String?
    /// The folder relative paths are resolved against.
    public var baseDirectory: String

    /// Creates a file's contents.
    public init(
        connections: [String: ConnectionEntry] = [:], directories: [String: String] = [:],
        defaultConnection: String? = nil, baseDirectory: String
    ) {
        self.connections = connections
        self.directories = directories
        self.defaultConnection = defaultConnection
        self.baseDirectory = baseDirectory
    }

    /// Keys a connection entry may hold besides `type` and `create_tables`.
    static let settingKeys: Set<String> = [
        "path", "host", "port", "database", "user", "socket_dir", "password_env", "options", "schema",
    ]
    /// Keys that would hold a secret inline.
    static let secretKeys: Set<String> = ["password", "passwd", "secret", "token"]

    /// Reads the file at `path`; nil with diagnostics when it is unusable.
    public static func read(path: String) -> (file: ConnectionsFile?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            let d = ConnectionsFileDiagnostics.unreadable(
                "cannot read '\(path)' as UTF-8 text", at: SourceLocation(file: path),
                fix: "give the path of a YAML connections file")
            return (nil, [d])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return parse(text, file: path, baseDirectory: base)
    }

    /// Parses connections file text; `baseDirectory` resolves relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: String) -> (
        file: ConnectionsFile?, diagnostics: [Diagnostic]
    ) {
        var reader = ConnectionsFileReader(file: file, baseDirectory: baseDirectory)
        let result = reader.read(text)
        return (reader.diagnostics.hasErrors ? nil : result, reader.diagnostics)
    }

    /// The absolute form of `path` (relative to ``baseDirectory``).
    public func resolve(_ path: String) -> String {
        Self.resolve(path, against: baseDirectory)
    }

    static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }
}

/// Walks the YAML tree of a connections file, collecting diagnostics.
struct ConnectionsFileReader {
    let file: String
    let baseDirectory: String
    var diagnostics: [Diagnostic] = []

    init(file: String, baseDirectory: String) {
        self.file = file
        self.baseDirectory = baseDirectory
    }

    func location(_ node: Yams.Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    mutating func read(_ text: String) -> ConnectionsFile {
        var result = ConnectionsFile(baseDirectory: baseDirectory)
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            diagnostics.append(
                ConnectionsFileDiagnostics.unreadable(
                    "the connections file is not YAML: \(error)", at: SourceLocation(file: file),
                    fix: "correct the YAML syntax"))
            return result
        }
        guard let root, let mapping = root.mapping else {
            diagnostics.append(
                ConnectionsFileDiagnostics.invalidValue(
                    "the connections file must be a mapping with 'connections'", at: SourceLocation(file: file),
                    fix: "start the file with 'connections:'"))
            return result
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "connections": result.connections = connections(value)
            case "directories": result.directories = directories(value)
            case "default": result.defaultConnection = scalar(value, "default")
            default: unknown(key, allowed: "connections, directories, default")
            }
        }
        if let name = result.defaultConnection, result.connections[name] == nil {
            diagnostics.append(
                ConnectionsFileDiagnostics.missingKey(
                    "the default connection '\(name)' is not among the connections", at: SourceLocation(file: file),
                    fix: "name one of the connections under 'default'"))
        }
        return result
    }

    mutating func connections(_ node: Yams.Node) -> [String: ConnectionEntry] {
        guard let mapping = node.mapping else {
            diagnostics.append(
                ConnectionsFileDiagnostics.invalidValue(
                    "'connections' must map connection names to settings", at: location(node),
                    fix: "write one 'NAME: {type: ..., ...}' entry per connection"))
            return [:]
        }
        var entries: [String: ConnectionEntry] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let entry = entry(name, value) { entries[name] = entry }
        }
        return entries
    }

    mutating func entry(_ name: String, _ node: Yams.Node) -> ConnectionEntry? {
        guard let mapping = node.mapping else {
            diagnostics.append(
                ConnectionsFileDiagnostics.invalidValue(
                    "connection '\(name)' must be a mapping of settings", at: location(node),
                    fix: "write 'type:' and the connector's settings under '\(name)'"))
            return nil
        }
        var type: String?
        var createTables = false
        var settings: [String: String] = [:]
        for (key, value) in mapping {
            let keyName = key.string ?? ""
            if keyName == "type" {
                type = scalar(value, "type")
            } else if keyName == "create_tables" {
                createTables = value.bool ?? false
            } else if ConnectionsFile.secretKeys.contains(keyName.lowercased()) {
                diagnostics.append(
                    ConnectionsFileDiagnostics.inlineSecret(
                        "connection '\(name)' writes its '\(keyName)' inline", at: location(key),
                        fix: "put the secret in an environment variable and name it with '\(keyName)_env'"))
            } else if ConnectionsFile.settingKeys.contains(keyName) {
                guard var text = scalar(value, keyName) else { continue }
                if keyName == "path" || keyName == "socket_dir" {
                    text = ConnectionsFile.resolve(text, against: baseDirectory)
                }
                settings[keyName] = text
            } else {
                unknown(
                    key,
                    allowed: (["type", "create_tables"] + ConnectionsFile.settingKeys.sorted()).joined(separator: ", "))
            }
        }
        guard let type else {
            diagnostics.append(
                ConnectionsFileDiagnostics.missingKey(
                    "connection '\(name)' has no 'type'", at: location(node),
                    fix: "add 'type: sqlite' or 'type: postgresql'"))
            return nil
        }
        return ConnectionEntry(
            name: name, type: type, settings: settings, createTables: createTables, location: location(node))
    }

    mutating func directories(_ node: Yams.Node) -> [String: String] {
        guard let mapping = node.mapping else {
            diagnostics.append(
                ConnectionsFileDiagnostics.invalidValue(
                    "'directories' must map names such as PMSourceFileDir to folders", at: location(node),
                    fix: "write 'PMSourceFileDir: data' and similar lines"))
            return [:]
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let path = scalar(value, name) else { continue }
            var bare = name
            while bare.hasPrefix("$") { bare.removeFirst() }
            result[bare] = ConnectionsFile.resolve(path, against: baseDirectory)
        }
        return result
    }

    mutating func scalar(_ node: Yams.Node, _ key: String) -> String? {
        guard let text = node.scalar?.string else {
            diagnostics.append(
                ConnectionsFileDiagnostics.invalidValue(
                    "'\(key)' must be a single value", at: location(node), fix: "write a plain value after '\(key):'"))
            return nil
        }
        return text
    }

    mutating func unknown(_ key: Yams.Node, allowed: String) {
        diagnostics.append(
            ConnectionsFileDiagnostics.unknownKey(
                "'\(key.string ?? "?")' is not a key here", at: location(key), fix: "use one of: \(allowed)"))
    }
}
