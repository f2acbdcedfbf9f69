import IR
import Runtime
import Testing

/// The connection types of the standard registry: `postgres` (the dialect's name) opens a
/// PostgreSQL connection as `postgresql` does, and an unknown type names the known ones.
@Suite struct ConnectorRegistryTests {
    static let here = SourceLocation(file: "c.yaml", line: 2, column: 3)

    @Test("'postgres' and 'postgresql' both reach the PostgreSQL connector (a refused port gives RT0457)")
    func postgresAlias() {
        for type in ["postgres", "postgresql"] {
            let entry = ConnectionEntry(
                name: "PG", type: type, settings: ["host": "127.0.0.1", "port": "1", "database": "postgres"],
                location: Self.here)
            let (connection, diagnostics) = ConnectorRegistry.standard.open(entry, environment: [:])
            #expect(connection == nil)
            #expect(diagnostics.map(\.code.rawValue) == ["RT0457"], "\(type): \(diagnostics)")
        }
    }

    @Test("an unknown type is located, named and lists the types there are")
    func unknownType() throws {
        let entry = ConnectionEntry(name: "DW", type: "oracle", location: Self.here)
        let (connection, diagnostics) = ConnectorRegistry.standard.open(entry, environment: [:])
        #expect(connection == nil)
        let d = try #require(diagnostics.first)
        #expect(d.message == "connection 'DW' has type 'oracle', which no connector of this build reads")
        #expect(d.fix == "use one of: postgres, postgresql, sqlite")
        #expect(d.location == Self.here)
    }
}
