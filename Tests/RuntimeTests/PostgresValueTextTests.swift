import Foundation
import IR
import Testing

@testable import Runtime

@Suite("PostgreSQL value text (no server)")
struct PostgresValueTextTests {
    @Test("parameters are the exact text PostgreSQL parses")
    func parameterText() throws {
        #expect(try PostgresValueText.parameter(.null) == nil)
        #expect(try PostgresValueText.parameter(.integer(-42)) == "-42")
        #expect(try PostgresValueText.parameter(.double(0.1)) == "0.1")
        #expect(try PostgresValueText.parameter(.double(-.infinity)) == "-Infinity")
        #expect(try PostgresValueText.parameter(.double(.nan)) == "NaN")
        #expect(try PostgresValueText.parameter(.binary([0, 0xAB, 0xFF])) == "\\x00abff")
        #expect(try PostgresValueText.parameter(.binary([])) == "\\x")
        #expect(PostgresValueText.bytes(fromHex: "\\x00AbfF") == [0, 0xAB, 0xFF])
        #expect(PostgresValueText.bytes(fromHex: "\\x0") == nil)
        #expect(PostgresValueText.bytes(fromHex: "00") == nil)
    }

    @Test("text reads as the declared type only when it converts exactly")
    func readText() {
        #expect(PostgresValueText.value("12.000", oid: 1700, as: .integer) == .integer(12))
        #expect(PostgresValueText.value("12.5", oid: 1700, as: .integer) == nil)
        #expect(PostgresValueText.value("t", oid: PostgresValueText.booleanOID, as: .integer) == .integer(1))
        #expect(PostgresValueText.value("Infinity", oid: 701, as: .double) == .double(.infinity))
        #expect(PostgresValueText.value("NaN", oid: 1700, as: .decimal(precision: 10, scale: 0)) == nil)
        // 38 significant digits fit a Decimal exactly; 39 do not.
        let digits38 = String(repeating: "9", count: 38)
        #expect(PostgresValueText.decimal("0.000" + digits38 + "000") != nil)
        #expect(PostgresValueText.decimal(digits38 + "1") == nil)
        #expect(
            PostgresValueText.value("\\x41", oid: 25, as: .binary(precision: 4)) == .binary([0x5C, 0x78, 0x34, 0x31]))
        #expect(
            PostgresValueText.value("2024-01-01 00:00:00+00", oid: 1184, as: .dateTime(precision: 29, scale: 9)) == nil)
    }

    @Test("COPY lines escape tab, newline, carriage return and backslash; \\N is NULL")
    func copyLines() throws {
        var buffer: [UInt8] = []
        try PostgresCopyText.append([.string("a\tb\nc\rd\\e"), .null, .string(""), .string("\\N")], to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "a\\tb\\nc\\rd\\\\e\t\\N\t\t\\\\N\n")
        let fields = buffer.withUnsafeBufferPointer { PostgresCopyText.fields($0) }
        #expect(fields == ["a\tb\nc\rd\\e", nil, "", "\\N"])
        let escapes = Array("\\101\\x42\\b\\v\\f\\q\t".utf8).withUnsafeBufferPointer { PostgresCopyText.fields($0) }
        #expect(escapes == ["AB\u{8}\u{B}\u{C}q", ""])
    }

    @Test("connection info never shows the password")
    func infoDescription() {
        var info = PostgresConnectionInfo(host: "db.example", database: "dw", user: "etl", password: "hunter2")
        #expect(info.description == "postgres://etl:***@db.example:5432/dw")
        info.password = nil
        #expect(info.description == "postgres://etl@db.example:5432/dw")
        #expect(PostgresErrors.all.map(\.code) == (50...58).map { "RT00\($0)" })
    }
}
