import Foundation

/// A value the runtime computes with: one of the transformation datatypes, or NULL.
///
/// Booleans are numbers (TRUE = 1, FALSE = 0), as in PowerCenter.
public enum Value: Hashable, Sendable {
    /// NULL.
    case null
    /// integer, small integer and bigint values.
    case integer(Int64)
    /// decimal values (exact; up to 28 significant digits with high precision on).
    case decimal(Decimal)
    /// double and real values.
    case double(Double)
    /// string, nstring, text and ntext values.
    case string(String)
    /// date/time values.
    case dateTime(DateTimeValue)
    /// binary values.
    case binary([UInt8])

    /// Whether the value is NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Why a row could not be computed: the row is skipped (counted, logged) or the port's default
/// value is used, as the port's DEFAULTVALUE says (reference §2.2, G9, G11).
public struct RowError: Error, Hashable, Sendable {
    /// A stable code (`RT0001`...).
    public var code: String
    /// What went wrong, naming the function and the offending value.
    public var message: String

    /// Creates a row error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
