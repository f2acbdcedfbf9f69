import Foundation
import IR

/// The fresh values one primary-key column of a synthetic source table is given in place of a NULL
/// or a repeated key, never the same one twice.
///
/// First values the column holds nowhere, so no other row changes: for a column with a shared
/// domain (``KeyDomain``), the indexes after the domain's last one, rendered like the domain's own
/// values (they match no other table's domain values, so joins keep both matching and missing);
/// then, and for every other column, the values of the column's type in a fixed order
/// (``KeyCandidates``). When a narrow type has none of those left, values no earlier row holds (a
/// later row holding one then repeats it and is renewed in turn), so no key value is NULL and as
/// many keys are distinct as the type can tell apart. Values are compared by ``KeyIdentity``.
struct FreshKeyValues {
    /// The column's type.
    let type: DataType
    /// The column's shared domain, if it has one.
    let domain: KeyDomain?
    /// The identities of the values the column holds, in any row.
    private let held: Set<Value>
    /// The identities of the values of the rows done so far and of the values handed out.
    private var used: Set<Value> = []
    private var domainCursor = 0
    private var domainExhausted: Bool
    private var unheldCursor = 0
    private var unheldExhausted = false
    private var unusedCursor = 0

    /// The fresh values of a column of type `type` (with shared domain `domain`) holding `values`.
    init(holding values: [Value], type: DataType, domain: KeyDomain?) {
        self.type = type
        self.domain = domain
        held = Set(values.filter { !$0.isNull }.map(KeyIdentity.of))
        domainExhausted = domain == nil
    }

    /// Notes that a row done holds `value`, so it is not handed out.
    mutating func record(_ value: Value) {
        used.insert(KeyIdentity.of(value))
    }

    /// The next fresh value, or nil when every value of the type is held by an earlier row.
    mutating func next() -> Value? {
        if let value = nextFromDomain() { return value }
        while !unheldExhausted {
            guard let value = KeyCandidates.value(unheldCursor, of: type) else {
                unheldExhausted = true
                break
            }
            unheldCursor += 1
            if !held.contains(KeyIdentity.of(value)) && take(value) { return value }
        }
        while let value = KeyCandidates.value(unusedCursor, of: type) {
            unusedCursor += 1
            if take(value) { return value }
        }
        return nil
    }

    /// The next domain index after the domain's last one whose value is fresh. Once more indexes
    /// in a row render values in use than there are such values, the rendering repeats itself (it
    /// wraps around a narrow type), and the domain is given up.
    private mutating func nextFromDomain() -> Value? {
        guard let domain, !domainExhausted else { return nil }
        var misses = 0
        while misses <= held.count + used.count {
            let value = domain.value(domain.size + 1 + domainCursor, as: type)
            domainCursor += 1
            if !held.contains(KeyIdentity.of(value)) && take(value) { return value }
            misses += 1
        }
        domainExhausted = true
        return nil
    }

    /// Marks `value` used; false when it already was.
    private mutating func take(_ value: Value) -> Bool {
        used.insert(KeyIdentity.of(value)).inserted
    }
}

/// What makes two primary-key values the same key: their value, except that strings are compared
/// ignoring case and trailing blanks, as most source databases compare them (SQL Server's default
/// collation, CHAR columns, Teradata), so a real key never holds both 'a' and 'A ' even where
/// PowerCenter itself would tell them apart.
enum KeyIdentity {
    /// The identity of `value`: a string upper-cased without its trailing blanks, else the value.
    static func of(_ value: Value) -> Value {
        guard case .string(let text) = value else { return value }
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed.removeLast() }
        return .string(trimmed.uppercased())
    }
}

/// The values of each type in a fixed order, every one distinct (as a ``KeyIdentity``) and fitting
/// the type: the candidates a key column takes fresh values from.
enum KeyCandidates {
    /// The `n`-th value (from 0) of `type`, or nil when the type has fewer values in this order:
    /// integers 1, 2, … up to the largest, then 0, -1, … down to the smallest; decimals the same in
    /// steps of the last fraction digit; doubles 1, 2, …; strings the base-36 numerals 0 … Z, 10, …
    /// as long as they fit; date/times day by day from 2000-01-01 at midnight; binaries the bytes of
    /// `n` (none for 0) as long as they fit.
    static func value(_ n: Int, of type: DataType) -> Value? {
        switch type {
        case .integer, .smallInteger, .bigInteger:
            let range = SyntheticValues.integerRange(type)
            return signed(Int64(n), largest: range.upperBound, smallest: range.lowerBound).map(Value.integer)
        case .decimal(let p, let s): return decimal(n, precision: p, scale: s).map(Value.decimal)
        case .double: return n < 1 << 53 ? .double(Double(n + 1)) : nil
        case .real: return n < 1 << 24 ? .double(Double(n + 1)) : nil
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            let text = String(n, radix: 36, uppercase: true)
            return text.count <= p ? .string(text) : nil
        case .dateTime:
            let day = CivilCalendar.dayNumber(year: 2000, month: 1, day: 1) + n
            return day <= Int(CivilCalendar.maxDay) ? .dateTime(DateTimeValue(day: Int32(day), nanosecond: 0)) : nil
        case .binary(let p):
            var bytes: [UInt8] = []
            var rest = n
            while rest > 0 {
                bytes.insert(UInt8(rest & 0xFF), at: 0)
                rest >>= 8
            }
            return bytes.count <= p ? .binary(bytes) : nil
        }
    }

    /// The `n`-th of 1, 2, … `largest`, 0, -1, … `smallest`, or nil past the end.
    private static func signed(_ n: Int64, largest: Int64, smallest: Int64) -> Int64? {
        if n < largest { return n + 1 }
        let below = n - largest
        return below <= 0 &- smallest ? -below : nil
    }

    /// The `n`-th decimal of `precision` and `scale`: the integers of ``signed(_:largest:smallest:)``
    /// over all the digits (at most 18), shifted by the scale.
    private static func decimal(_ n: Int, precision: Int, scale: Int) -> Decimal? {
        let (whole, fraction) = SyntheticValues.decimalDigits(precision: precision, scale: scale)
        let largest = SyntheticValues.pow10(min(whole + fraction, 18)) - 1
        guard let units = signed(Int64(n), largest: largest, smallest: -largest) else { return nil }
        return Decimal(
            sign: units < 0 ? .minus : .plus, exponent: -fraction, significand: Decimal(units.magnitude))
    }
}
