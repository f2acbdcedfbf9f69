import Foundation

/// Running the PostgreSQL programs: as the `postgres` user when this process is root, output to
/// a file, and never waiting past a deadline.
extension PostgresTestServer {
    /// The folder holding `initdb` and `pg_ctl`: ``binariesVariable``, else the newest
    /// `/usr/lib/postgresql/<version>/bin`.
    static func findBinaries() throws -> String {
        let fileManager = FileManager.default
        if let chosen = ProcessInfo.processInfo.environment[binariesVariable] {
            guard fileManager.isExecutableFile(atPath: "\(chosen)/initdb") else {
                throw ServerFailure(message: "\(binariesVariable)=\(chosen) holds no initdb")
            }
            return chosen
        }
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let found = versions.compactMap(Int.init).sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
            .first { fileManager.isExecutableFile(atPath: "\($0)/initdb") }
        guard let found else {
            throw ServerFailure(
                message: "PostgreSQL server programs not found in /usr/lib/postgresql/*/bin: run scripts/setup.sh, "
                    + "set \(binariesVariable), or set \(skipVariable)=1 to skip these tests")
        }
        return found
    }

    /// A new directory under /tmp, owned by the `postgres` user when `ownedByPostgres`.
    static func makeDirectory(ownedByPostgres: Bool) throws -> String {
        let directory = "/tmp/migrate-pg-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        guard ownedByPostgres else { return directory }
        guard let account = getpwnam("postgres") else {
            try? FileManager.default.removeItem(atPath: directory)
            throw ServerFailure(message: "running as root but there is no 'postgres' user to run the server as")
        }
        guard chown(directory, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
            try? FileManager.default.removeItem(atPath: directory)
            throw ServerFailure(message: "cannot give \(directory) to the 'postgres' user (errno \(errno))")
        }
        return directory
    }

    /// The command line running `program` with `arguments`, through `runuser` when this process is root.
    func command(_ program: String, _ arguments: [String]) -> [String] {
        let path = "\(binaries)/\(program)"
        return asPostgresUser ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
    }

    /// Runs `program` with output appended to `programs.log`, waiting at most `timeout` seconds;
    /// returns its exit status, or throws when it had to be killed.
    @discardableResult
    func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> Int32 {
        let pid = try Self.spawn(command(program, arguments), output: "\(directory)/programs.log")
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw failure("\(program) did not finish within \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Starts `line` with stdin from /dev/null, stdout and stderr appended to `output`, and every
    /// other descriptor closed: the server `pg_ctl` leaves behind must not inherit a pipe of this
    /// process (Foundation's `Process` watches one to see its child exit, and `swift test` reads
    /// another), or waiting for it would last as long as the server.
    static func spawn(_ line: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard let closeFrom = closeFromAction else {
            throw ServerFailure(message: "posix_spawn_file_actions_addclosefrom_np is missing (glibc < 2.34)")
        }
        _ = closeFrom(&actions, 3)
        let arguments = line.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, line[0], &actions, nil, arguments, environ)
        guard status == 0 else { throw ServerFailure(message: "cannot start \(line[0]) (errno \(status))") }
        return pid
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift does not import (it needs `_GNU_SOURCE`).
    private static var closeFromAction:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)?
    {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }

    /// The postmaster's process id from `data/postmaster.pid`.
    func postmasterPID() -> pid_t? {
        guard let text = try? String(contentsOfFile: "\(directory)/data/postmaster.pid", encoding: .utf8) else {
            return nil
        }
        return text.split(separator: "\n").first.flatMap { pid_t($0) }
    }

    /// A failure carrying `message` and the end of the program and server logs.
    func failure(_ message: String) -> ServerFailure {
        var text = message
        for name in ["programs.log", "server.log"] {
            guard let log = try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8) else { continue }
            text += "\n--- \(name) (last 3000 characters) ---\n" + String(log.suffix(3000))
        }
        return ServerFailure(message: text)
    }
}
