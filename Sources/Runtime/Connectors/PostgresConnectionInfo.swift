/// Where and as whom a ``PostgresConnection`` connects: a TCP host and port, or a Unix-socket
/// directory (a `host` starting with `/`) and the port number that names the socket file.
///
/// The password is given by the caller (the runtime reads it from the environment variable the
/// connections file names); ``description`` never shows it.
public struct PostgresConnectionInfo: Hashable, Sendable, CustomStringConvertible {
    /// A host name, an IP address, or the absolute path of a Unix-socket directory.
    public var host: String
    /// The TCP port, or the number in the socket file name `.s.PGSQL.<port>`.
    public var port: Int
    /// The database name.
    public var database: String
    /// The role to connect as.
    public var user: String
    /// The password, or nil when the server does not ask for one (trust, peer, client certificates).
    public var password: String?
    /// Seconds to wait for the server before giving up (libpq `connect_timeout`; 0 waits forever).
    public var connectTimeout: Int
    /// The name the server shows for the session in `pg_stat_activity`.
    public var applicationName: String

    /// Creates connection info; `connectTimeout` defaults to 10 seconds so a dead host never hangs a run.
    public init(
        host: String, port: Int = 5432, database: String, user: String, password: String? = nil,
        connectTimeout: Int = 10, applicationName: String = "migrate"
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
    }

    /// Connection info for a server listening on the Unix socket `<directory>/.s.PGSQL.<port>`.
    public static func socket(directory: String, port: Int, database: String, user: String) -> Self {
        Self(host: directory, port: port, database: database, user: user)
    }

    /// `postgres://user@host:port/database`, with `:***` after the user when a password is set.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        return "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
    }

    /// The libpq keyword/value pairs, in the order `PQconnectdbParams` receives them.
    var parameters: [(keyword: String, value: String)] {
        var pairs: [(String, String)] = [
            ("host", host), ("port", String(port)), ("dbname", database), ("user", user),
            ("connect_timeout", String(connectTimeout)), ("application_name", applicationName),
            ("client_encoding", "UTF8"),
        ]
        if let password { pairs.append(("password", password)) }
        return pairs
    }
}
