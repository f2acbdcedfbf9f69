import Foundation
import IR

/// The shared small domain of one class of compared columns: indexes 1 ... size, each rendered as a
/// value of the column's type (`7`, `7.0`, `'K0007'`, 2020-01-07), so equal indexes compare equal.
///
/// Each table of the class lacks some indexes: index 1 is in every table, index 1 + j is missing
/// from the j-th table (tables in name order), and of the other indexes half (in a seeded random
/// order) are in all tables and half are missing from one table each, taking turns. So each table
/// has values another table lacks, and joins and lookups both match and miss.
struct KeyDomain {
    /// How many indexes the domain has.
    let size: Int
    /// The family values are rendered in when the class mixes families (numbers win, then dates).
    let family: DataType.Family
    /// The indexes each table may use, in a seeded random order.
    private let allowed: [String: [Int]]

    /// The domain of the class `members` (columns of types `types`) for `rowsPerSource` rows.
    init(members: [TableColumn], types: [TableColumn: DataType], rowsPerSource: Int, seed: UInt64) {
        let tables = Array(Set(members.map(\.table))).sorted()
        size = max(10, rowsPerSource / 2, tables.count + 2)
        let families = Set(members.compactMap { types[$0]?.family })
        family = [.numeric, .dateTime, .string].first(where: families.contains) ?? .binary
        var random = SplitMix64(seed: seed, stream: "key:\(members[0].table).\(members[0].column)")
        var rest = (0..<(size - tables.count - 1)).map { $0 % 2 == 0 ? 0 : 1 + $0 / 2 % tables.count }
        rest.shuffle(using: &random)
        let missingFrom = [0] + Array(1...tables.count) + rest
        var allowed: [String: [Int]] = [:]
        for (position, table) in tables.enumerated() {
            var indexes = (1...size).filter { missingFrom[$0 - 1] != position + 1 }
            indexes.shuffle(using: &random)
            allowed[table] = indexes
        }
        self.allowed = allowed
    }

    /// The index row `row` of `table` uses (after the special rows): every allowed index once, in
    /// a random order, then random allowed indexes.
    func index(table: String, row: Int, using random: inout SplitMix64) -> Int {
        let indexes = allowed[table] ?? [1]
        return row < indexes.count ? indexes[row] : indexes[random.index(indexes.count)]
    }

    /// Index `index` as a value of `type`.
    func value(_ index: Int, as type: DataType) -> Value {
        switch type {
        case .integer, .smallInteger, .bigInteger:
            return .integer(Int64((index - 1) % Int(SyntheticValues.integerRange(type).upperBound) + 1))
        case .decimal(let p, let s): return .decimal(Self.decimal(index, precision: p, scale: s))
        case .double, .real: return .double(Double(index))
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p): return .string(text(index, length: p))
        case .dateTime: return .dateTime(Self.date(index))
        case .binary(let p): return .binary(Self.bytes(index, length: p))
        }
    }

    private static func decimal(_ index: Int, precision: Int, scale: Int) -> Decimal {
        let (whole, fraction) = SyntheticValues.decimalDigits(precision: precision, scale: scale)
        if whole > 0 { return Decimal(Int64(index) % SyntheticValues.pow10(min(whole, 18))) }
        guard fraction > 0 else { return 0 }
        let digits = String(Int64(index) % SyntheticValues.pow10(min(fraction, 18)))
        return SyntheticValues.decimal("0." + String(repeating: "0", count: fraction - digits.count) + digits)
    }

    private func text(_ index: Int, length: Int) -> String {
        let text: String
        switch family {
        case .numeric: text = String(index)
        case .dateTime: text = SQLiteValueText.text(of: Self.date(index))
        default: text = "K" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
        }
        if text.count <= length { return text }
        return String(String(index, radix: 36, uppercase: true).suffix(max(length, 0)))
    }

    /// 2020-01-01 plus `index - 1` days, at midnight.
    private static func date(_ index: Int) -> DateTimeValue {
        let first = CivilCalendar.dayNumber(year: 2020, month: 1, day: 1)
        return DateTimeValue(day: Int32(min(first + index - 1, Int(CivilCalendar.maxDay))), nanosecond: 0)
    }

    private static func bytes(_ index: Int, length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = index
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return Array(bytes.suffix(max(length, 0)))
    }
}
