/// The row errors a flat-file reader raises (codes RT0030–RT0039 of the row-error range).
public enum FlatFileErrors {
    /// Every flat-file error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (notANumber, "a field of a numeric port is not a number"),
        (notADate, "a field of a date port does not match the session date format"),
        (valueOutOfRange, "a field's value does not fit its port's type"),
        (unterminatedQuote, "a quoted field is not closed before the end of the file"),
    ]

    /// A field of a numeric port is not a number (`12x`, `abc`).
    public static let notANumber = "RT0030"
    /// A field of a date port does not match the session date format.
    public static let notADate = "RT0031"
    /// A field's value does not fit its port's type (too many digits, out of the integer range).
    public static let valueOutOfRange = "RT0032"
    /// A quoted field is not closed before the end of the file.
    public static let unterminatedQuote = "RT0033"

    /// A row error with `code` and `message`.
    static func error(_ code: String, _ message: String) -> RowError {
        RowError(code: code, message: message)
    }
}

/// A row error found while reading a flat file, with the line its record starts on.
public struct FlatFileRowError: Hashable, Sendable {
    /// The 1-based physical line the record starts on (header rows count).
    public var line: Int
    /// The error.
    public var error: RowError

    /// Creates a located row error.
    public init(line: Int, error: RowError) {
        self.line = line
        self.error = error
    }
}

/// A file-system fault while reading or writing a flat file.
public struct FlatFileIOError: Error, Hashable, Sendable {
    /// What failed, naming the path.
    public var message: String

    /// Creates an IO error.
    public init(_ message: String) { self.message = message }
}
