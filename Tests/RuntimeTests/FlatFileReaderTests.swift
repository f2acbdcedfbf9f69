import Foundation
import IR
import Testing

@testable import Runtime

/// Helpers shared by the flat-file tests.
enum FlatFileFixture {
    /// Settings with the date format `YYYY-MM-DD`.
    static let settings: EvaluationSettings = {
        var settings = dateSettings()
        settings.dateTimeFormat = "YYYY-MM-DD"
        return settings
    }()

    /// A port named `name` of `type`, with `attributes`.
    static func port(_ name: String, _ type: DataType, _ attributes: [Attribute] = []) -> IR.Port {
        IR.Port(name: name, type: type, roles: .output, attributes: attributes, provenance: .synthesized)
    }

    /// Ports ID integer, NAME string(20).
    static let idName = [port("ID", .integer), port("NAME", .string(precision: 20))]

    /// Reads `text` (as UTF-8 unless `bytes` are given) with `format` and `ports`.
    static func read(
        _ text: String, _ format: FlatFileFormat, ports: [IR.Port] = idName, bytes: [UInt8]? = nil
    ) -> FlatFileReadResult {
        FlatFileReader(format: format, ports: ports, settings: settings).read(bytes: bytes ?? Array(text.utf8))
    }

    /// A delimited format.
    static func delimited(
        _ delimiters: String = ",", quote: String? = "DOUBLE", escape: String? = nil, skipRows: Int = 0,
        codePage: String? = nil, _ attributes: [Attribute] = []
    ) -> FlatFileFormat {
        FlatFileFormat(
            delimited: true, delimiters: delimiters, quote: quote, escape: escape, skipRows: skipRows,
            codePage: codePage, attributes: attributes)
    }

    /// A date value.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> Value {
        .dateTime(DateTimeValue(day: Int32(CivilCalendar.dayNumber(year: year, month: month, day: day)), nanosecond: 0))
    }
}

@Suite struct FlatFileReaderTests {
    typealias F = FlatFileFixture

    @Test func readsCommaSeparatedRowsWithCRLFAndLF() {
        let result = F.read("1,ann\r\n2,bob\n3,cy", F.delimited())
        #expect(result.errors.isEmpty)
        #expect(result.rows.columns == ["ID", "NAME"])
        #expect(
            result.rows.rows == [
                [.integer(1), .string("ann")], [.integer(2), .string("bob")], [.integer(3), .string("cy")],
            ])
    }

    @Test func emptyFieldIsNullAndQuotedEmptyIsEmptyString() {
        let result = F.read(",x\n5,\n6,\"\"\n7", F.delimited())
        #expect(
            result.rows.rows == [
                [.null, .string("x")], [.integer(5), .null], [.integer(6), .string("")], [.integer(7), .null],
            ])
    }

    @Test func quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() {
        let text = "1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,z\n"
        let result = F.read(text, F.delimited())
        #expect(result.errors.isEmpty)
        #expect(
            result.rows.rows == [
                [.integer(1), .string("a,b")], [.integer(2), .string("say \"hi\"")],
                [.integer(3), .string("two\r\nlines")], [.integer(4), .string("z")],
            ])
    }

    @Test func singleQuoteAndNoQuote() {
        let single = F.read("1,'a,b'\n", F.delimited(quote: "SINGLE"))
        #expect(single.rows.rows == [[.integer(1), .string("a,b")]])
        let none = F.read("1,\"a\"\n", F.delimited(quote: "NONE"))
        #expect(none.rows.rows == [[.integer(1), .string("\"a\"")]])
    }

    @Test func escapeCharacterWithAndWithoutKeepEscape() {
        let dropped = F.read("1,a\\,b\n", F.delimited(quote: "NONE", escape: "\\"))
        #expect(dropped.rows.rows == [[.integer(1), .string("a,b")]])
        let kept = F.read("1,a\\,b\n", F.delimited(quote: "NONE", escape: "\\", [Attribute("KEEPESCAPECHAR", "YES")]))
        #expect(kept.rows.rows == [[.integer(1), .string("a\\,b")]])
    }

    @Test func tabSpellingsAndAnyOfSeveralDelimiters() {
        for spelling in ["/t", "\\t", "\\011", "\t"] {
            #expect(F.read("1\tann\n", F.delimited(spelling)).rows.rows == [[.integer(1), .string("ann")]])
        }
        let ports = F.idName + [F.port("CITY", .string(precision: 10))]
        let result = F.read("1;ann|rome\n", F.delimited(";|"), ports: ports)
        #expect(result.rows.rows == [[.integer(1), .string("ann"), .string("rome")]])
    }

    @Test func consecutiveDelimitersAsOne() {
        let format = F.delimited(" ", [Attribute("CONSECDELIMITERSASONE", "YES")])
        #expect(F.read("1   ann\n", format).rows.rows == [[.integer(1), .string("ann")]])
        #expect(F.read("1   ann\n", F.delimited(" ")).rows.rows == [[.integer(1), .null]])
    }

    @Test func headerRowsAreSkippedAndLinesKeepCounting() {
        let result = F.read("ID,NAME\n-- x --\n1,ann\nbad,bob\n", F.delimited(skipRows: 2))
        #expect(result.rows.rows == [[.integer(1), .string("ann")]])
        #expect(result.errors.map(\.line) == [4])
    }

    @Test func nullCharacterAndStripTrailingBlanks() {
        let format = F.delimited(",", [Attribute("NULL_CHARACTER", "*"), Attribute("STRIPTRAILINGBLANKS", "YES")])
        let result = F.read("***,ann  \n2,*\n", format)
        #expect(result.rows.rows == [[.null, .string("ann")], [.integer(2), .null]])
        #expect(F.read("1,ann  \n", F.delimited()).rows.rows == [[.integer(1), .string("ann  ")]])
    }

    @Test func windows1252AndLatin1CodePages() {
        let bytes: [UInt8] = [0x31, 0x2C, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x0A]  // 1,café €
        let windows = F.read("", F.delimited(codePage: "MS1252"), bytes: bytes)
        #expect(windows.rows.rows == [[.integer(1), .string("café €")]])
        let latin1 = F.read("", F.delimited(codePage: "Latin1"), bytes: bytes)
        #expect(latin1.rows.rows == [[.integer(1), .string("café \u{80}")]])
        let utf8 = F.read("1,café €\n", F.delimited(codePage: "UTF-8"))
        #expect(utf8.rows.rows == [[.integer(1), .string("café €")]])
    }

    @Test func conversionFailuresAreRowErrorsWithLineNumbers() {
        let ports = [
            F.port("ID", .integer), F.port("AMOUNT", .double), F.port("DAY", .dateTime(precision: 29, scale: 9)),
        ]
        let text =
            "1,2.5,2024-01-31\n2x,1,2024-01-01\n3,abc,2024-01-01\n4,1,2024-13-01\n99999999999,1,2024-01-01\n5,1e2,\n"
        let result = F.read(text, F.delimited(), ports: ports)
        #expect(
            result.rows.rows == [
                [.integer(1), .double(2.5), F.date(2024, 1, 31)], [.integer(5), .double(100), .null],
            ])
        #expect(result.errors.map(\.line) == [2, 3, 4, 5])
        #expect(
            result.errors.map(\.error.code) == [
                FlatFileErrors.notANumber, FlatFileErrors.notANumber, FlatFileErrors.notADate,
                FlatFileErrors.valueOutOfRange,
            ])
    }

    @Test func unterminatedQuoteIsARowError() {
        let result = F.read("1,ok\n2,\"open\n3,x\n", F.delimited())
        #expect(result.rows.rows == [[.integer(1), .string("ok")]])
        #expect(result.errors == [FlatFileRowError(line: 2, error: result.errors[0].error)])
        #expect(result.errors.first?.error.code == FlatFileErrors.unterminatedQuote)
    }

    @Test func missingFieldsAreNullAndExtraFieldsIgnoredAndStringsCut() {
        let ports = [F.port("ID", .integer), F.port("CODE", .string(precision: 3))]
        let result = F.read("1\n2,abcdef,extra\n", F.delimited(), ports: ports)
        #expect(result.rows.rows == [[.integer(1), .null], [.integer(2), .string("abc")]])
    }

    @Test func errorCodesAreUniqueAndInTheirRange() {
        let codes = FlatFileErrors.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0 >= "RT0030" && $0 <= "RT0039" })
    }
}
