import Foundation
import IR

/// Opens a relational connection from a connections file entry; `environment` supplies secrets.
public typealias ConnectorFactory = (ConnectionEntry, _ environment: [String: String]) throws(ConnectorError) ->
    any RelationalConnection

/// The relational connectors by connection type. A new connector is one type conforming to
/// ``RelationalConnection`` plus one line in ``standard``.
public struct ConnectorRegistry {
    /// The factories by type name.
    public var factories: [String: ConnectorFactory]

    /// Creates a registry.
    public init(factories: [String: ConnectorFactory]) { self.factories = factories }

    /// The connectors this build has.
    public static var standard: ConnectorRegistry {
        ConnectorRegistry(factories: [
            "sqlite": { entry, _ throws(ConnectorError) in
                try SQLiteRelationalConnection(path: entry.settings["path"] ?? ":memory:")
            },
            "postgresql": { entry, environment throws(ConnectorError) in
                try PostgresRelationalConnection(entry: entry, environment: environment)
            },
            // The name the SQL dialect has (`--dialect postgres`).
            "postgres": { entry, environment throws(ConnectorError) in
                try PostgresRelationalConnection(entry: entry, environment: environment)
            },
        ])
    }

    /// The type names known, sorted.
    public var types: [String] { factories.keys.sorted() }

    /// Opens `entry`'s connection; diagnostics when its type is unknown, a secret's variable is not set
    /// or the database refuses.
    public func open(_ entry: ConnectionEntry, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (connection: (any RelationalConnection)?, diagnostics: [Diagnostic])
    {
        guard let factory = factories[entry.type] else {
            let d = ConnectionsFileDiagnostics.unknownType(
                "connection '\(entry.name)' has type '\(entry.type)', which no connector of this build reads",
                at: entry.location,
                fix: "use one of: \(types.joined(separator: ", "))")
            return (nil, [d])
        }
        for (key, variable) in entry.settings where key.hasSuffix("_env") && environment[variable] == nil {
            let d = ConnectionsFileDiagnostics.missingEnvironmentVariable(
                "connection '\(entry.name)' takes its '\(key.dropLast(4))' from '\(variable)', which is not set",
                at: entry.location, fix: "export \(variable) before the run")
            return (nil, [d])
        }
        do {
            return (try factory(entry, environment), [])
        } catch {
            let d = ConnectionsFileDiagnostics.connectFailed(
                "connection '\(entry.name)' (\(entry.type)) cannot be opened: \(error)", at: entry.location,
                fix: "check the connection's settings and that the database is reachable")
            return (nil, [d])
        }
    }
}
