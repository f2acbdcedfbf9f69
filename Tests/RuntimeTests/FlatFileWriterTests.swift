import Foundation
import IR
import Testing

@testable import Runtime

@Suite struct FlatFileWriterTests {
    typealias F = FlatFileFixture

    /// Ports CODE string(4) at 0..<4, QTY integer at 4..<9, DAY date at 9..<19.
    static let fixedPorts = [
        F.port("CODE", .string(precision: 4), [Attribute("PHYSICALOFFSET", "0"), Attribute("PHYSICALLENGTH", "4")]),
        F.port("QTY", .integer, [Attribute("PHYSICALOFFSET", "4"), Attribute("PHYSICALLENGTH", "5")]),
        F.port("DAY", .dateTime(precision: 10, scale: 0), [Attribute("PHYSICALLENGTH", "10")]),
    ]

    static let fixedFormat = FlatFileFormat(delimited: false, skipRows: 1)

    @Test func readsFixedWidthByPhysicalOffsetAndLength() {
        let text = "CODEQTY  DAY\r\nAB     422024-02-29\nXYZW12   \nQ   abc  2024-01-01\n"
        let result = F.read(text, Self.fixedFormat, ports: Self.fixedPorts)
        #expect(
            result.rows.rows == [
                [.string("AB  "), .integer(42), F.date(2024, 2, 29)], [.string("XYZW"), .integer(12), .null],
            ])
        #expect(result.errors.map(\.line) == [4])
        #expect(result.errors.map(\.error.code) == [FlatFileErrors.notANumber])
    }

    @Test("a delimited string longer than its field's precision is cut to it (reference §2.20, believed)")
    func cutsDelimitedStringsToTheirPrecision() throws {
        let ports = [
            F.port("ID", .integer), F.port("NAME", .string(precision: 3)), F.port("NOTE", .string(precision: 0)),
        ]
        let rows = RowSet(
            columns: ["ID", "NAME", "NOTE"],
            rows: [[.integer(1), .string("abcdef"), .string("kept whole")], [.integer(2), .string("é,x"), .null]])
        let writer = FlatFileWriter(format: F.delimited(), ports: ports, settings: F.settings)
        let text = String(decoding: try writer.bytes(of: rows), as: UTF8.self)
        #expect(text == "1,abc,kept whole\n2,\"é,x\",\n")
        var whole = F.settings
        whole.flatFileTargetsCutLongStrings = false
        let uncut = FlatFileWriter(format: F.delimited(), ports: ports, settings: whole)
        #expect(String(decoding: try uncut.bytes(of: rows), as: UTF8.self).hasPrefix("1,abcdef,kept whole\n"))
    }

    @Test func writesDelimitedWithQuotesNullsNumbersAndDates() throws {
        let ports =
            [F.port("ID", .integer), F.port("NAME", .string(precision: 20)), F.port("X", .double)]
            + [F.port("DAY", .dateTime(precision: 10, scale: 0))]
        let rows = RowSet(
            columns: ["DAY", "X", "NAME", "ID"],
            rows: [
                [F.date(2024, 3, 5), .double(2.5), .string("a,b"), .integer(1)],
                [.null, .double(3), .string("say \"hi\""), .null],
                [.null, .null, .string("two\nlines"), .integer(3)],
            ])
        let writer = FlatFileWriter(format: F.delimited(), ports: ports, settings: F.settings)
        let text = String(decoding: try writer.bytes(of: rows), as: UTF8.self)
        #expect(text == "1,\"a,b\",2.5,2024-03-05\n,\"say \"\"hi\"\"\",3,\n3,\"two\nlines\",,\n")
    }

    @Test func writesEscapesWithoutQuoteAndWindows1252Bytes() throws {
        let format = F.delimited("|", quote: "NONE", escape: "\\", codePage: "MS1252")
        let writer = FlatFileWriter(format: format, ports: F.idName, settings: F.settings)
        let bytes = try writer.bytes(of: RowSet(columns: ["ID", "NAME"], rows: [[.integer(7), .string("é|€")]]))
        #expect(bytes == [0x37, 0x7C, 0xE9, 0x5C, 0x7C, 0x80, 0x0A])
    }

    @Test func writesFixedWidthPaddedWithNullsAsBlanks() throws {
        let writer = FlatFileWriter(format: Self.fixedFormat, ports: Self.fixedPorts, settings: F.settings)
        let rows = RowSet(
            columns: ["CODE", "QTY", "DAY"],
            rows: [[.string("ABCDEF"), .integer(42), F.date(2024, 2, 29)], [.null, .integer(7), .null]])
        let text = String(decoding: try writer.bytes(of: rows), as: UTF8.self)
        #expect(text == "ABCD42   2024-02-29\n    7" + String(repeating: " ", count: 14) + "\n")  // 4 + 1 + 4 + 10
    }

    @Test func missingColumnIsARowError() {
        let writer = FlatFileWriter(format: F.delimited(), ports: F.idName, settings: F.settings)
        #expect(throws: RowError.self) { try writer.bytes(of: RowSet(columns: ["ID"], rows: [[.integer(1)]])) }
    }

    @Test func readAfterWriteGivesTheSameRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flatfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        let ports =
            F.idName + [F.port("AMOUNT", .decimal(precision: 10, scale: 2))]
            + [F.port("DAY", .dateTime(precision: 10, scale: 0))]
        let rows = RowSet(
            columns: ["ID", "NAME", "AMOUNT", "DAY"],
            rows: [
                [.integer(1), .string("café, \"€\""), .double(12.5), F.date(1999, 12, 31)],
                [.integer(-2), .null, .null, .null], [.integer(3), .string("line\r\nbreak"), .double(-0.25), .null],
            ])
        for codePage in ["UTF-8", "MS1252"] {
            let format = F.delimited(codePage: codePage)
            try FlatFileWriter(format: format, ports: ports, settings: F.settings).write(rows, to: path)
            try FlatFileWriter(format: format, ports: ports, settings: F.settings).write(rows, to: path)
            let result = try FlatFileReader(format: format, ports: ports, settings: F.settings).read(path: path)
            #expect(result.errors.isEmpty)
            #expect(result.rows == rows)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["out.csv"])
    }
}
