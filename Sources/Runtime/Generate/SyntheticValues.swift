import Foundation
import IR

/// The values synthetic data is made of, per datatype: the special cases every dataset should hold
/// (boundaries, empty and blank strings, leap days) and random ordinary values. Every value fits its
/// type: strings within the length, decimals within precision and scale, integers within the type's
/// range, date/times between 0001-01-01 and 9999-12-31 with no more fraction digits than the scale.
enum SyntheticValues {
    /// The longest string or binary value generated, however large the declared length (a `text`
    /// column of a billion characters gets a 4,000-character boundary value).
    static let longestValue = 4000
    /// The most decimal digits generated (PowerCenter's high-precision limit).
    static let widestDecimal = 28

    /// The special values of `type` (without NULL), distinct, in a fixed order.
    static func specials(for type: DataType) -> [Value] {
        let values: [Value]
        switch type {
        case .string(let p), .text(let p): values = stringSpecials(length: p, unicode: false).map(Value.string)
        case .nstring(let p), .ntext(let p): values = stringSpecials(length: p, unicode: true).map(Value.string)
        case .integer, .smallInteger, .bigInteger:
            let range = integerRange(type)
            values = [0, -1, 1, range.upperBound, range.lowerBound].map(Value.integer)
        case .decimal(let p, let s): values = decimalSpecials(precision: p, scale: s).map(Value.decimal)
        case .double:
            values = [0, -1, 0.5, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude].map(Value.double)
        case .real:
            let largest = Double(Float.greatestFiniteMagnitude)
            values = [0, -1, 0.5, largest, -largest].map(Value.double)
        case .dateTime(_, let s): values = dateSpecials(scale: s).map(Value.dateTime)
        case .binary(let p):
            values = [[], [0], Array(repeating: 0xFF, count: min(p, longestValue))].map(Value.binary)
        }
        var seen: Set<Value> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// A random ordinary value of `type`.
    static func ordinary(for type: DataType, using random: inout SplitMix64) -> Value {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            return .string(ordinaryString(length: p, using: &random))
        case .integer, .smallInteger, .bigInteger:
            let range = integerRange(type)
            return .integer(min(max(random.int(in: -1000...100_000), range.lowerBound), range.upperBound))
        case .decimal(let p, let s): return .decimal(ordinaryDecimal(precision: p, scale: s, using: &random))
        case .double: return .double(Double(random.int(in: -100_000_000...100_000_000)) / 100)
        case .real: return .double(Double(random.int(in: -400_000...400_000)) / 4)
        case .dateTime(_, let s): return .dateTime(ordinaryDate(scale: s, using: &random))
        case .binary(let p):
            let count = p <= 0 ? 0 : Int(random.int(in: 1...Int64(min(p, 16))))
            return .binary((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }

    /// The values an integer type can hold.
    static func integerRange(_ type: DataType) -> ClosedRange<Int64> {
        switch type {
        case .smallInteger: Int64(Int16.min)...Int64(Int16.max)
        case .integer: Int64(Int32.min)...Int64(Int32.max)
        default: Int64.min...Int64.max
        }
    }

    /// The digits before and after the point a decimal of `precision` and `scale` may have.
    static func decimalDigits(precision: Int, scale: Int) -> (integer: Int, fraction: Int) {
        let digits = min(max(precision, 0), widestDecimal)
        let fraction = min(max(scale, 0), digits)
        return (digits - fraction, fraction)
    }

    /// The decimal written `sign integer.fraction` (digits only, no exponent).
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }

    /// `text` cut to at most `length` characters.
    static func truncated(_ text: String, to length: Int) -> String {
        String(text.prefix(max(length, 0)))
    }

    private static func stringSpecials(length p: Int, unicode: Bool) -> [String] {
        var texts = ["", "   ", String(repeating: "Z", count: min(p, longestValue)), "O'Brien", "a"]
        if unicode { texts.append("Ünïcødé €") }
        return texts.map { truncated($0, to: p) }
    }

    private static func decimalSpecials(precision: Int, scale: Int) -> [Decimal] {
        let (whole, fraction) = decimalDigits(precision: precision, scale: scale)
        guard whole + fraction > 0 else { return [0] }
        var nines = whole > 0 ? String(repeating: "9", count: whole) : "0"
        if fraction > 0 { nines += "." + String(repeating: "9", count: fraction) }
        let smallest = fraction > 0 ? "0." + String(repeating: "0", count: fraction - 1) + "1" : "1"
        var texts = ["0", nines, "-" + nines, smallest]
        if whole > 0 { texts.insert("-1", at: 1) }
        return texts.map(decimal)
    }

    private static func dateSpecials(scale: Int) -> [DateTimeValue] {
        let unit = fractionUnit(scale: min(scale, maximumScale))
        let latestFraction = 999_999_999 - 999_999_999 % unit
        let fields: [CivilDateTime] = [
            CivilDateTime(year: 1753, month: 1, day: 1),
            CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: latestFraction),
            CivilDateTime(year: 2000, month: 2, day: 29),
            CivilDateTime(year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56),
            CivilDateTime(year: 1, month: 1, day: 1),
            CivilDateTime(year: 1899, month: 12, day: 31),
            CivilDateTime(year: 1970, month: 1, day: 1),
        ]
        return fields.compactMap(CivilCalendar.value)
    }

    /// The most fractional-second digits a synthetic date/time carries: microseconds, which every
    /// engine `migrate verify` runs keeps (PostgreSQL's timestamp holds 6 digits), so a date/time(29,9)
    /// port, PowerCenter's default, can be stored as a timestamp there and computed on.
    static let maximumScale = 6

    /// The nanoseconds one unit of the last fraction digit a date/time of `scale` keeps is worth.
    static func fractionUnit(scale: Int) -> Int {
        var unit = 1
        for _ in 0..<(9 - min(max(scale, 0), 9)) { unit *= 10 }
        return unit
    }

    private static let words = [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett",
    ]

    private static func ordinaryString(length p: Int, using random: inout SplitMix64) -> String {
        let word = words[random.index(words.count)]
        return truncated("\(word) \(random.int(in: 1...999))", to: p)
    }

    private static func ordinaryDecimal(precision: Int, scale: Int, using random: inout SplitMix64) -> Decimal {
        let (whole, fraction) = decimalDigits(precision: precision, scale: scale)
        let wholeDigits = min(whole, 7)
        let fractionDigits = min(fraction, 6)
        guard wholeDigits + fractionDigits > 0 else { return 0 }
        var text = random.next() % 4 == 0 ? "-" : ""
        text += wholeDigits > 0 ? String(random.int(in: 0...(pow10(wholeDigits) - 1))) : "0"
        if fractionDigits > 0 {
            let digits = String(random.int(in: 0...(pow10(fractionDigits) - 1)))
            text += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return decimal(text)
    }

    private static func ordinaryDate(scale: Int, using random: inout SplitMix64) -> DateTimeValue {
        let first = Int64(CivilCalendar.dayNumber(year: 1950, month: 1, day: 1))
        let last = Int64(CivilCalendar.dayNumber(year: 2030, month: 12, day: 31))
        let unit = Int64(fractionUnit(scale: min(scale, maximumScale)))
        let seconds = random.int(in: 0...86_399)
        let fraction = random.int(in: 0...999_999_999)
        let nanosecond = seconds * CivilCalendar.nanosPerSecond + fraction - fraction % unit
        return DateTimeValue(day: Int32(random.int(in: first...last)), nanosecond: nanosecond)
    }

    /// 10 to the power `exponent` (0 ... 18).
    static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
