import Foundation
import IR
import Testing

@testable import Runtime

/// Flat-file fields no port reads (``FlatFileOptions/unreadFields``): a string field that fits is
/// not decoded, anything that could be a row error is still converted, and a run whose source
/// qualifier leaves a field unconnected writes the rows it wrote when every field was read.
@Suite("flat-file unread fields")
struct FlatFileUnreadFieldTests {
    static let ports = [
        FlatFileFixture.port("ID", .integer), FlatFileFixture.port("NOTE", .string(precision: 3)),
        FlatFileFixture.port("AMT", .integer),
    ]

    static func read(_ text: String, unread: Set<Int>) -> FlatFileReadResult {
        var reader = FlatFileReader(
            format: FlatFileFixture.delimited(), ports: ports, settings: FlatFileFixture.settings)
        reader.options.unreadFields = unread
        return reader.read(bytes: Array(text.utf8))
    }

    @Test("an unread string field reads as NULL; the other fields, and a too-long field, as usual")
    func reader() {
        let text = "1,abc,10\n2,toolong,20\n3,,30\n"
        let all = Self.read(text, unread: [])
        let skipped = Self.read(text, unread: [1])
        #expect(all.errors.isEmpty && skipped.errors.isEmpty)
        // NOTE fits in row 1 (not decoded: NULL), is longer than its 3 characters in row 2 (converted
        // as when read: cut to 'too'), and is empty in row 3 (NULL either way).
        #expect(all.rows.rows.map { $0[1] } == [.string("abc"), .string("too"), .null])
        #expect(skipped.rows.rows.map { $0[1] } == [.null, .string("too"), .null])
        #expect(all.rows.rows.map { [$0[0], $0[2]] } == skipped.rows.rows.map { [$0[0], $0[2]] })
    }

    @Test("an unread numeric field is still converted: its bad value still rejects the record")
    func numericStillChecked() {
        let skipped = Self.read("1,a,10\n2,b,xx\n", unread: [2])
        #expect(skipped.rows.rows.map { $0[0] } == [.integer(1)])
        #expect(skipped.errors.map(\.line) == [2])
    }

    @Test("a source qualifier port nobody reads: the target gets the rows it gets when it is read")
    func pipeline() throws {
        let columns = ["ID:i", "NAME:s5", "NOTE:s3", "AMT:i"]
        for connectNote in [false, true] {
            let harness = try ExecutorHarness()
            try harness.file("fu_in.csv", "ID,NAME,NOTE,AMT\n1,a,xyz,10\n2,b,toolong,20\n3,c,,30\n4,d,n,yy\n")
            var export = ExportBuilder()
            export.source("FU_IN", columns, flatFile: ExportBuilder.csv)
            export.target("T_FU", ["ID:i", "NAME:s5", "AMT:i"])
            export.connect("SQ_FU_IN", "T_FU", ["ID", "NAME", "AMT"])
            if connectNote {
                export.target("T_NOTE", ["ID:i", "NOTE:s3"])
                export.connect("SQ_FU_IN", "T_NOTE", ["ID", "NOTE"])
            }
            let result = try harness.run(export, attributes: ["SQ_FU_IN": [("Source filename", "fu_in.csv")]])
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            // 'yy' is not a number: line 5 is rejected whether or not NOTE is read.
            #expect(
                try harness.rows("SELECT ID, NAME, AMT FROM T_FU", columns: 3).sorted() == [
                    "1|a|10", "2|b|20", "3|c|30",
                ])
            #expect(result.counters["SQ_FU_IN"]?.rowsRejected == 1)
            if connectNote {
                #expect(
                    try harness.rows("SELECT ID, NOTE FROM T_NOTE", columns: 2).sorted() == [
                        "1|xyz", "2|too", "3|NULL",
                    ])
            }
        }
    }
}
