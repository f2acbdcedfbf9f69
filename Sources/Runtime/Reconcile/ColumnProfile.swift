import Foundation

/// The aggregates of one column that a migration team compares first: NULLs, distinct values,
/// smallest and largest value, the sum of numbers, and an order-independent checksum.
public struct ColumnProfile: Hashable, Sendable, Codable {
    /// The NULL values.
    public var nulls = 0
    /// The distinct non-NULL values (as compared: `1.0` and `1` are one).
    public var distinct = 0
    /// The smallest non-NULL value, shown as text.
    public var minimum: String?
    /// The largest non-NULL value, shown as text.
    public var maximum: String?
    /// The sum of the values, for numbers (nil when a value is not a number or the sum overflows).
    public var sum: String?
    /// The wrapping sum of every value's stable hash, in hex: equal multisets of values give equal
    /// checksums whatever the row order.
    public var checksum: String

    /// Creates a profile.
    public init(
        nulls: Int = 0, distinct: Int = 0, minimum: String? = nil, maximum: String? = nil, sum: String? = nil,
        checksum: String = ""
    ) {
        self.nulls = nulls
        self.distinct = distinct
        self.minimum = minimum
        self.maximum = maximum
        self.sum = sum
        self.checksum = checksum
    }

    /// The profile of `values`, compared as `kind`.
    public init(_ values: [ComparableValue], kind: DatabaseColumn.ValueKind) {
        var seen = Set<ComparableValue>()
        var hash: UInt64 = 0
        var smallest: ComparableValue?
        var largest: ComparableValue?
        var total: Decimal? = kind.isNumeric ? 0 : nil
        var nulls = 0
        for value in values {
            hash &+= value.stableHash
            guard value != .null else {
                nulls += 1
                continue
            }
            seen.insert(value)
            if smallest.map({ Self.less(value, $0) }) ?? true { smallest = value }
            if largest.map({ Self.less($0, value) }) ?? true { largest = value }
            if let sum = total {
                total = Self.decimal(value).map { sum + $0 }
            }
        }
        self.init(
            nulls: nulls, distinct: seen.count, minimum: smallest.map(Self.display), maximum: largest.map(Self.display),
            sum: total.map { "\($0)" }, checksum: String(hash, radix: 16))
    }

    /// A number as a decimal, when it fits one.
    static func decimal(_ value: ComparableValue) -> Decimal? {
        guard case .number(let text) = value else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The order of values of one column: numbers by value, dates in time, text and bytes by byte
    /// order; values of different forms by form.
    static func less(_ a: ComparableValue, _ b: ComparableValue) -> Bool {
        switch (a, b) {
        case (.number, .number):
            if let x = decimal(a), let y = decimal(b) { return x < y }
            return (a.doubleValue ?? 0) < (b.doubleValue ?? 0)
        case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.dateTime(let x), .dateTime(let y)): return x < y
        case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y)
        case (.boolean(let x), .boolean(let y)): return !x && y
        default: return rank(a) < rank(b)
        }
    }

    /// The order of the forms when two values of one column have different forms.
    static func rank(_ value: ComparableValue) -> Int {
        switch value {
        case .null: 0
        case .boolean: 1
        case .number: 2
        case .dateTime: 3
        case .text: 4
        case .bytes: 5
        }
    }

    /// A value as a report shows it.
    static func display(_ value: ComparableValue) -> String {
        switch value {
        case .null: "NULL"
        case .number(let text): decimal(value).map { "\($0)" } ?? text
        case .text(let text): text
        case .dateTime(let date): SQLiteValueText.text(of: date)
        case .bytes(let bytes): ComparableValue.display(.binary(bytes))
        case .boolean(let truth): truth ? "true" : "false"
        }
    }
}
