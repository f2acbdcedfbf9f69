import Foundation
import IR
import Testing

@testable import Runtime

/// The byte-level reader against the reference reader (whole text decoded, records of strings):
/// same rows, same errors, same lines, whole or streamed in tiny blocks and chunks.
@Suite struct FlatFileDifferentialTests {
    typealias F = FlatFileFixture

    /// Every input of ``FlatFileReaderTests``, with its format and ports.
    static let readerTestInputs: [(bytes: [UInt8], format: FlatFileFormat, ports: [IR.Port])] = {
        let utf8 = { (text: String) in Array(text.utf8) }
        let three = F.idName + [F.port("CITY", .string(precision: 10))]
        let numbers = [
            F.port("ID", .integer), F.port("AMOUNT", .double), F.port("DAY", .dateTime(precision: 29, scale: 9)),
        ]
        let nullStrip = [Attribute("NULL_CHARACTER", "*"), Attribute("STRIPTRAILINGBLANKS", "YES")]
        let latin: [UInt8] = [0x31, 0x2C, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x0A]
        return [
            (utf8("1,ann\r\n2,bob\n3,cy"), F.delimited(), F.idName),
            (utf8(",x\n5,\n6,\"\"\n7"), F.delimited(), F.idName),
            (utf8("1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,z\n"), F.delimited(), F.idName),
            (utf8("1,'a,b'\n"), F.delimited(quote: "SINGLE"), F.idName),
            (utf8("1,\"a\"\n"), F.delimited(quote: "NONE"), F.idName),
            (utf8("1,a\\,b\n"), F.delimited(quote: "NONE", escape: "\\"), F.idName),
            (
                utf8("1,a\\,b\n"), F.delimited(quote: "NONE", escape: "\\", [Attribute("KEEPESCAPECHAR", "YES")]),
                F.idName
            ),
            (utf8("1\tann\n"), F.delimited("/t"), F.idName), (utf8("1\tann\n"), F.delimited("\\011"), F.idName),
            (utf8("1;ann|rome\n"), F.delimited(";|"), three),
            (utf8("1   ann\n"), F.delimited(" ", [Attribute("CONSECDELIMITERSASONE", "YES")]), F.idName),
            (utf8("1   ann\n"), F.delimited(" "), F.idName),
            (utf8("ID,NAME\n-- x --\n1,ann\nbad,bob\n"), F.delimited(skipRows: 2), F.idName),
            (utf8("***,ann  \n2,*\n"), F.delimited(",", nullStrip), F.idName),
            (latin, F.delimited(codePage: "MS1252"), F.idName), (latin, F.delimited(codePage: "Latin1"), F.idName),
            (utf8("1,café €\n"), F.delimited(codePage: "UTF-8"), F.idName),
            (
                utf8(
                    "1,2.5,2024-01-31\n2x,1,2024-01-01\n3,abc,2024-01-01\n4,1,2024-13-01\n99999999999,1,2024-01-01\n5,1e2,\n"
                ), F.delimited(), numbers
            ),
            (utf8("1,ok\n2,\"open\n3,x\n"), F.delimited(), F.idName),
            (
                utf8("1\n2,abcdef,extra\n"), F.delimited(),
                [F.port("ID", .integer), F.port("CODE", .string(precision: 3))]
            ),
        ]
    }()

    /// Invalid UTF-8 around a dropped quote or escape character: the reference decodes before
    /// dropping, so `C3 "` + `A9` is two U+FFFD, never `é`.
    @Test func droppedCharactersDoNotJoinInvalidUTF8() throws {
        let ports = [F.port("S", .string(precision: 20))]
        let quoted: [UInt8] = [0x22, 0xC3, 0x22, 0xA9, 0x0A]
        let escaped: [UInt8] = [0x61, 0xC3, 0x5C, 0xA9, 0x0A]
        let replacement = "\u{FFFD}\u{FFFD}"
        #expect(
            FlatFileReader(format: F.delimited(), ports: ports, settings: F.settings).read(bytes: quoted).rows.rows
                == [[.string(replacement)]])
        let escape = FlatFileReader(format: F.delimited(escape: "\\"), ports: ports, settings: F.settings)
        #expect(escape.read(bytes: escaped).rows.rows == [[.string("a" + replacement)]])
        _ = try Self.expectAgreement(quoted, F.delimited(), ports, blockSize: 2, chunkRows: 1, context: "quote")
        _ = try Self.expectAgreement(
            escaped, F.delimited(escape: "\\"), ports, blockSize: 2, chunkRows: 1, context: "escape")
    }

    /// The reference result, the whole-buffer result and streamed results all agree.
    static func expectAgreement(
        _ bytes: [UInt8], _ format: FlatFileFormat, _ ports: [IR.Port], settings: EvaluationSettings = F.settings,
        blockSize: Int, chunkRows: Int, context: String
    ) throws -> FlatFileReadResult {
        let reader = FlatFileReader(format: format, ports: ports, settings: settings)
        let reference = reader.referenceRead(bytes: bytes)
        #expect(reader.read(bytes: bytes) == reference, "whole buffer: \(context)")
        var chunks: [[FlatFileReadResult]] = [[], []]
        for (index, parallelBytes) in [Int.max, 1].enumerated() {
            try reader.read(bytes: bytes, chunkRows: chunkRows, blockSize: blockSize, parallelBytes: parallelBytes) {
                chunks[index].append($0)
            }
        }
        var streamed = FlatFileReadResult(rows: RowSet(columns: ports.map(\.name)), errors: [])
        for chunk in chunks[0] {
            streamed.rows.rows += chunk.rows.rows
            streamed.errors += chunk.errors
        }
        #expect(chunks[0].allSatisfy { $0.rows.rows.count <= chunkRows }, "chunk over \(chunkRows) rows: \(context)")
        #expect(streamed == reference, "blocks of \(blockSize), chunks of \(chunkRows): \(context)")
        #expect(chunks[1] == chunks[0], "two threads, blocks of \(blockSize): \(context)")
        return reference
    }

    @Test func readerTestInputsAgreeInEveryBlockSize() throws {
        for (index, input) in Self.readerTestInputs.enumerated() {
            for blockSize in [1, 2, 3, 5, 64] {
                _ = try Self.expectAgreement(
                    input.bytes, input.format, input.ports, blockSize: blockSize, chunkRows: 1 + index % 3,
                    context: "reader test input \(index)")
            }
        }
    }

    @Test func seededRandomFilesAgreeOverAllOptions() throws {
        var random = FlatFileRandomFiles(seed: 20_261_130)
        var highPrecision = F.settings
        highPrecision.highPrecision = true
        var rows = 0
        var values: [String: Int] = [:]
        var codes: [String: Int] = [:]
        for index in 0..<4000 {
            let format = random.format()
            let ports = random.ports()
            let bytes = random.file(ports: ports)
            let result = try Self.expectAgreement(
                bytes, format, ports, settings: random.chance(25) ? highPrecision : F.settings,
                blockSize: 1 + random.below(16), chunkRows: 1 + random.below(4), context: "random file \(index)")
            rows += result.rows.rows.count
            for value in result.rows.rows.joined() { values[Self.kind(of: value), default: 0] += 1 }
            for error in result.errors { codes[error.error.code, default: 0] += 1 }
        }
        // The files must exercise every kind of value and every row error, not only trivial cases.
        #expect(rows > 5000)
        #expect(values.keys.sorted() == ["binary", "date", "decimal", "double", "integer", "null", "string"])
        #expect(values.values.allSatisfy { $0 >= 20 }, "\(values)")
        #expect(codes.keys.sorted() == FlatFileErrors.all.map(\.code), "\(codes)")
    }

    private static func kind(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .integer: "integer"
        case .double: "double"
        case .decimal: "decimal"
        case .string: "string"
        case .dateTime: "date"
        case .binary: "binary"
        }
    }

    @Test func streamingAFileKeepsLinesAcrossBlocksAndChunks() throws {
        let path = NSTemporaryDirectory() + "flatfile-stream-\(ProcessInfo.processInfo.processIdentifier).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "ID,NAME\n1,ann\n2,\"two\nlines\"\nx,bad\n\n4,dan\n5,\"open\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = FlatFileReader(format: F.delimited(skipRows: 1), ports: F.idName, settings: F.settings)
        var chunks: [FlatFileReadResult] = []
        try reader.read(path: path, chunkRows: 2, blockSize: 4, parallelBytes: 8) { chunks.append($0) }
        #expect(chunks.map(\.rows.rows.count) == [2, 1])
        #expect(chunks[0].rows.rows == [[.integer(1), .string("ann")], [.integer(2), .string("two\nlines")]])
        #expect(chunks[0].errors.isEmpty)
        #expect(chunks[1].rows.rows == [[.integer(4), .string("dan")]])
        #expect(chunks[1].errors.map(\.line) == [5, 8])
        #expect(chunks[1].errors.map(\.error.code) == [FlatFileErrors.notANumber, FlatFileErrors.unterminatedQuote])
    }

    @Test func streamingAMissingFileThrows() {
        let reader = FlatFileReader(format: F.delimited(), ports: F.idName, settings: F.settings)
        #expect(throws: FlatFileIOError.self) {
            try reader.read(path: "/nonexistent/flat.csv", chunkRows: 10) { _ in }
        }
    }

    @Test func formatsTheByteScannerLacksFallBackToTheReference() throws {
        let fixed = FlatFileFormat(delimited: false, skipRows: 0)
        #expect(!FlatFileByteScanner.supports(FlatFileOptions(fixed)))
        #expect(!FlatFileByteScanner.supports(FlatFileOptions(F.delimited("\u{A7}"))))
        #expect(FlatFileByteScanner.supports(FlatFileOptions(F.delimited(";|", escape: "\\"))))
        let ports = [F.port("A", .string(precision: 2)), F.port("B", .integer)]
        _ = try Self.expectAgreement(
            Array("ab12\ncd 3\n".utf8), fixed, ports, blockSize: 3, chunkRows: 1, context: "fixed width")
        _ = try Self.expectAgreement(
            Array("1\u{A7}ann\n2\u{A7}bob\n".utf8), F.delimited("\u{A7}"), F.idName, blockSize: 3, chunkRows: 1,
            context: "non-ASCII delimiter")
    }
}
