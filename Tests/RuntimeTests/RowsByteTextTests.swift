import Foundation
import Testing

@testable import Runtime

/// The SQLite connector's byte-buffer texts of dates and decimals against the code they replace,
/// on seeded inputs.
@Suite struct RowsByteTextTests {
    @Test func dateTextIsTheInterpolatedText() {
        var random = RowsRandom(state: 5)
        for _ in 0..<5000 {
            let day = Int32(random.next() % 3_652_059)
            let seconds = Int64(random.next() % 86_400)
            let nanos = random.next() % 2 == 0 ? 0 : Int64(random.next() % 1_000_000_000)
            let value = DateTimeValue(day: day, nanosecond: seconds * 1_000_000_000 + nanos)
            #expect(SQLiteValueText.text(of: value) == SQLiteValueText.interpolatedText(of: CivilCalendar.parts(value)))
        }
    }

    @Test func dateTextByHand() throws {
        let value = try #require(
            CivilCalendar.value(
                CivilDateTime(year: 987, month: 3, day: 4, hour: 5, minute: 6, second: 7, nanosecond: 80)))
        #expect(SQLiteValueText.text(of: value) == "0987-03-04 05:06:07.000000080")
        let midnight = try #require(CivilCalendar.value(CivilDateTime(year: 2026, month: 11, day: 30)))
        #expect(SQLiteValueText.text(of: midnight) == "2026-11-30 00:00:00")
    }
}

/// ``SQLiteValueText/withText(of:_:)-(Decimal,_)`` against ``SQLiteValueText/text(of:)-(Decimal)``.
@Suite struct RowsDecimalTextTests {
    func bytesText(_ decimal: Decimal) -> String? {
        SQLiteValueText.withText(of: decimal) { String(decoding: $0, as: UTF8.self) }
    }

    @Test func decimalBytesAreTheDescription() {
        var random = RowsRandom(state: 9)
        var checked = 0
        for _ in 0..<20_000 {
            let significand = random.next() >> (random.next() % 64)
            let exponent = Int16(Int(random.next() % 61) - 30)
            let decimal = Decimal(
                sign: random.next() % 2 == 0 ? .plus : .minus, exponent: Int(exponent),
                significand: Decimal(significand))
            guard let text = bytesText(decimal) else { continue }
            #expect(text == SQLiteValueText.text(of: decimal), "\(significand)e\(exponent)")
            checked += 1
        }
        #expect(checked > 15_000)
    }

    @Test func decimalBytesByHand() {
        #expect(bytesText(Decimal(string: "-12.340")!) == SQLiteValueText.text(of: Decimal(string: "-12.340")!))
        #expect(bytesText(Decimal(string: "0.0045")!) == "0.0045")
        #expect(bytesText(Decimal(string: "1.5e3")!) == "1500")
        #expect(bytesText(Decimal(0)) == "0")
        #expect(bytesText(Decimal(string: "123456789012345678901234567")!) == nil)
    }
}
