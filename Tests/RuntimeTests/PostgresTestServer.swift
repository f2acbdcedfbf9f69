import Foundation
import Runtime
import Testing

/// A throwaway PostgreSQL server for the connector tests: a fresh cluster in a temporary directory,
/// listening only on a Unix socket in that directory (no TCP port is opened, so parallel runs never
/// collide), stopped and deleted when the suite ends.
///
/// Lifetime: ``PostgresServerTrait`` is a suite trait whose scope wraps the whole `PostgresTests`
/// suite (all nested suites included): it starts the server once, publishes it in the task-local
/// ``current``, runs the tests, then stops the server and removes its directory in a `defer`, so a
/// failing test still stops it. If the test process dies outright (crash, kill), a detached
/// watchdog shell that waits for the process to disappear stops the server and removes the directory.
///
/// As root (CI), `initdb` and `postgres` refuse to run, so both run as the `postgres` system user
/// through `runuser`, in a directory owned by that user. Server output goes to `server.log` in the
/// directory (never to a pipe this process reads: the server inherits it and never closes it), and
/// every wait has a deadline; a failed start reports the log.
struct PostgresTestServer: Sendable {
    /// The server the running test may use, set by ``PostgresServerTrait``.
    @TaskLocal static var current: PostgresTestServer?

    /// Set to `1` to skip the PostgreSQL tests (they run, and fail without PostgreSQL, otherwise).
    static let skipVariable = "MIGRATE_SKIP_POSTGRES"
    /// Overrides the folder holding `initdb`, `pg_ctl` and `postgres`.
    static let binariesVariable = "MIGRATE_POSTGRES_BIN"
    /// The superuser the cluster is created with.
    static let user = "migrate"

    /// The temporary directory: `data/`, the socket, `server.log`.
    let directory: String
    /// The folder of the PostgreSQL programs.
    let binaries: String
    /// The number in the socket file name `.s.PGSQL.<port>`.
    let port: Int
    /// Whether the programs run as the `postgres` user (this process is root).
    let asPostgresUser: Bool

    /// Connection info for the server's `postgres` database.
    var info: PostgresConnectionInfo {
        .socket(directory: directory, port: port, database: "postgres", user: Self.user)
    }

    /// A new connection to the running server.
    static func connect() throws -> PostgresConnection {
        guard let server = current else {
            throw ServerFailure(message: "no PostgreSQL test server: run the test inside the PostgresTests suite")
        }
        return try PostgresConnection(conninfo: server.info)
    }

    /// Whether the developer asked to skip the PostgreSQL tests.
    static var isSkipped: Bool { ProcessInfo.processInfo.environment[skipVariable] == "1" }

    /// Creates a cluster and starts it, or throws with the reason and the server log.
    static func start() throws -> PostgresTestServer {
        let binaries = try findBinaries()
        let asPostgresUser = getuid() == 0
        let directory = try makeDirectory(ownedByPostgres: asPostgresUser)
        let server = PostgresTestServer(
            directory: directory, binaries: binaries, port: Int.random(in: 20_000...60_000),
            asPostgresUser: asPostgresUser)
        do {
            try server.initialize()
            try server.launch()
            server.startWatchdog()
            try server.waitUntilAccepting()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    /// Stops the server at once (no checkpoint: the data is thrown away) and removes the directory.
    func stop() {
        let stopped = try? run("pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "-t", "30", "stop"])
        if stopped != 0, let pid = postmasterPID() { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func initialize() throws {
        let arguments = [
            "-D", "\(directory)/data", "-U", Self.user, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync",
        ]
        let status = try run("initdb", arguments, timeout: 120)
        guard status == 0 else { throw failure("initdb exited with status \(status)") }
    }

    private func launch() throws {
        let options =
            "-k \(directory) -c listen_addresses='' -p \(port) -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off"
        let arguments = ["-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "30", "-o", options]
        let status = try run("pg_ctl", arguments + ["start"], timeout: 45)
        guard status == 0 else { throw failure("pg_ctl start exited with status \(status)") }
    }

    /// Retries connecting until the server accepts (pg_ctl -w normally made sure already).
    private func waitUntilAccepting() throws {
        let deadline = Date().addingTimeInterval(30)
        while true {
            do {
                _ = try PostgresConnection(conninfo: info)
                return
            } catch {
                if Date() > deadline { throw failure("the server did not accept connections in 30 s: \(error)") }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// A shell that outlives a crashed test process just long enough to stop the server.
    private func startWatchdog() {
        let pid = ProcessInfo.processInfo.processIdentifier
        let stop = command("pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "stop"])
            .map { "'\($0)'" }.joined(separator: " ")
        let script =
            "while kill -0 \(pid) 2>/dev/null; do sleep 1; done; "
            + "if [ -d '\(directory)/data' ]; then \(stop); rm -rf '\(directory)'; fi"
        _ = try? Self.spawn(["/bin/sh", "-c", script], output: "/dev/null")
    }
}

/// Why the test server could not start, with the server log.
struct ServerFailure: Error, CustomStringConvertible {
    /// What went wrong.
    var message: String
    var description: String { message }
}

/// Starts one ``PostgresTestServer`` around a whole suite and stops it afterwards.
struct PostgresServerTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        try await PostgresTestServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == PostgresServerTrait {
    /// Runs the suite against one throwaway PostgreSQL server.
    static var postgresServer: Self { Self() }
}
