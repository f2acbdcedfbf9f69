import Codegen
import Foundation
import Testing

/// Every golden SQL file (Tests/Fixtures/sql/<fixture>/<dialect>.sql) parses with sqlglot in its
/// dialect (T-SQL for SQL Server and Sybase ASE), as a whole script: the comments, every
/// statement and the transaction keywords around a multi-statement write.
@Suite struct SQLGoldenGlotTests {
    /// Each golden file: `fixture/dialect` and its text.
    static func goldenFiles() throws -> [(id: String, dialect: String, sql: String)] {
        let folder = SQLGoldenTests.fixtures.appendingPathComponent("sql")
        var files: [(id: String, dialect: String, sql: String)] = []
        for fixture in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let directory = folder.appendingPathComponent(fixture)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".sql") {
                let dialect = String(name.dropLast(4))
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                files.append(("\(fixture)/\(dialect)", dialect, text))
            }
        }
        return files
    }

    @Test(
        "every golden SQL file parses with sqlglot in its dialect",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func goldenFilesParse() throws {
        let files = try Self.goldenFiles()
        #expect(files.count >= 100, "the goldens of about a dozen fixtures in ten dialects")
        #expect(Set(files.map(\.dialect)) == Set(SQLDialects.all.map(\.name)))
        let result = try #require(SQLGlot.check(files))
        #expect(result.output.hasSuffix("checked \(files.count) failed 0\n"), "\(result.output)")
    }

    @Test(
        "the checker fails on a broken golden-like script",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func checkerCanFail() throws {
        let broken = "-- mapping m, target T (oracle)\nINSERT INTO T (ID)\nSELECT ID FROM;\n"
        let result = try #require(SQLGlot.check([("broken", "oracle", broken)]))
        #expect(result.output.hasSuffix("checked 1 failed 1\n"), "\(result.output)")
    }
}
