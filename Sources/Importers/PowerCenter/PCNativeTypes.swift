import IR

/// Maps native (database or file) column types to transformation datatypes, per database type,
/// following the PowerCenter Designer's conversion table (reference §4.2).
///
/// `number(p,s)` and `number` with a precision become `decimal(p,s)`; `number` without a
/// precision becomes `double` (a best guess: the column may hold fractions). Unknown names return
/// nil and the caller reports a warning and guesses a string.
enum PCNativeTypes {
    private enum Kind {
        case string, nstring, text, ntext, integer, smallInteger, bigInteger, decimal, double, real
        case dateTime, binary
    }

    /// Names shared by most relational databases.
    private static let common: [String: Kind] = [
        "char": .string, "character": .string, "varchar": .string, "varchar2": .string, "string": .string,
        "long varchar": .string, "clob": .text, "text": .text, "long": .text,
        "nchar": .nstring, "nvarchar": .nstring, "nvarchar2": .nstring, "nstring": .nstring, "nclob": .ntext,
        "ntext": .ntext, "graphic": .nstring, "vargraphic": .nstring,
        "int": .integer, "integer": .integer, "int4": .integer,
        "smallint": .smallInteger, "small integer": .smallInteger, "tinyint": .smallInteger,
        "byteint": .smallInteger, "int2": .smallInteger, "bit": .smallInteger, "short": .smallInteger,
        "boolean": .smallInteger,
        "bigint": .bigInteger, "int8": .bigInteger, "long integer": .bigInteger,
        "decimal": .decimal, "numeric": .decimal, "number": .decimal, "number(p,s)": .decimal, "dec": .decimal,
        "money": .decimal, "smallmoney": .decimal,
        "float": .double, "double": .double, "double precision": .double, "binary_double": .double,
        "real": .real, "binary_float": .real,
        "date": .dateTime, "datetime": .dateTime, "datetime2": .dateTime, "smalldatetime": .dateTime,
        "timestamp": .dateTime, "time": .dateTime, "datetimeoffset": .dateTime, "date/time": .dateTime,
        "dats": .dateTime, "tims": .dateTime,
        "binary": .binary, "varbinary": .binary, "raw": .binary, "long raw": .binary, "blob": .binary,
        "image": .binary, "byte": .binary, "varbyte": .binary, "rowid": .string, "urowid": .string,
        "uniqueidentifier": .string, "xml": .ntext, "sysname": .nstring,
    ]

    /// Per-database differences from ``common``.
    private static let overrides: [String: [String: Kind]] = [
        "microsoft sql server": ["timestamp": .binary, "float": .double, "text": .text],
        "sybase": ["timestamp": .binary],
        "flat file": ["number": .decimal, "int": .integer, "datetime": .dateTime],
        "xml": ["datetime": .dateTime, "time": .dateTime, "short": .smallInteger, "boolean": .smallInteger],
        "sapbwohs": ["char": .string, "dec": .decimal, "int4": .integer, "dats": .dateTime, "numc": .string],
    ]

    /// The transformation datatype for native type `name` of database `database`, or nil when unknown.
    static func transformationType(native name: String, database: String?, precision: Int, scale: Int) -> DataType? {
        var key = name.trimmingSpaces().lowercased()
        if key.hasPrefix("timestamp") { key = "timestamp" }
        let databaseKey = (database ?? "").trimmingSpaces().lowercased()
        guard let kind = overrides[databaseKey]?[key] ?? common[key] else { return nil }
        return dataType(kind, name: key, precision: precision, scale: scale)
    }

    private static func dataType(_ kind: Kind, name: String, precision: Int, scale: Int) -> DataType {
        switch kind {
        case .string: .string(precision: precision)
        case .nstring: .nstring(precision: precision)
        case .text: .text(precision: precision)
        case .ntext: .ntext(precision: precision)
        case .integer: .integer
        case .smallInteger: .smallInteger
        case .bigInteger: .bigInteger
        case .decimal:
            (name == "number" && precision == 0) ? .double : .decimal(precision: precision, scale: scale)
        case .double: .double
        case .real: .real
        case .dateTime: .dateTime(precision: 29, scale: 9)
        case .binary: .binary(precision: precision)
        }
    }
}

/// Remembers ``PCNativeTypes/transformationType(native:database:precision:scale:)`` for the few
/// combinations an export repeats on every column (a pure function of its arguments).
struct PCNativeTypeMemo: Sendable {
    private struct Entry: Sendable {
        var name: String
        var database: String?
        var precision: Int
        var scale: Int
        var type: DataType?
    }

    /// The most recently used combinations, newest last; small, so a linear search is cheapest.
    private var recent: [Entry] = []
    private static let capacity = 16

    /// The same as `PCNativeTypes.transformationType(native:database:precision:scale:)`.
    mutating func transformationType(native name: String, database: String?, precision: Int, scale: Int) -> DataType? {
        for index in recent.indices.reversed()
        where recent[index].precision == precision && recent[index].scale == scale && recent[index].name == name
            && recent[index].database == database
        {
            return recent[index].type
        }
        let type = PCNativeTypes.transformationType(
            native: name, database: database, precision: precision, scale: scale)
        if recent.count == Self.capacity { recent.removeFirst() }
        recent.append(Entry(name: name, database: database, precision: precision, scale: scale, type: type))
        return type
    }
}
