import Foundation
import IR
import Testing

@testable import Codegen

/// The recording dialect that lets one lowering stand for another dialect's
/// (``SQLPipelineLowering/lower(_:inEach:)``): it forwards every requirement, answers as its
/// base does, and its record holds in exactly the dialects that answer alike.
@Suite("SQL dialect recording")
struct SQLDialectRecordingTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Codegen/SQL")

    /// The names of the requirements declared in `protocol SQLDialect`.
    static func requirements() throws -> [String] {
        let text = try String(
            contentsOf: sources.appendingPathComponent("SQLDialect.swift"), encoding: .utf8)
        let body = try #require(text.components(separatedBy: "public protocol SQLDialect: Sendable {").last)
            .components(separatedBy: "\n}\n")[0]
        return body.split(separator: "\n").compactMap { line in
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard words.count == 2, words[0] == "var" || words[0] == "func" else { return nil }
            return String(words[1].prefix { $0 != ":" && $0 != "(" && $0 != "<" })
        }
    }

    @Test("every requirement of SQLDialect is forwarded by the recording dialect")
    func everyRequirementIsForwarded() throws {
        let names = try Self.requirements()
        #expect(names.count >= 50, "the protocol's requirements were not found: \(names)")
        let recording = try String(
            contentsOf: Self.sources.appendingPathComponent("Pipeline/SQLDialectRecording.swift"), encoding: .utf8)
        for name in names {
            #expect(
                recording.contains("    var \(name): ") || recording.contains("    func \(name)(")
                    || recording.contains("    func \(name)<"),
                "SQLRecordingDialect does not forward '\(name)': the protocol's default would answer for every dialect")
        }
        let properties = names.filter { name in SQLDialectProperty.allCases.contains { "\($0)" == name } }
        #expect(properties.count == SQLDialectProperty.allCases.count)
    }

    /// Every answer of `dialect`, as comparable text, with sample arguments for the calls.
    static func answers(_ dialect: any SQLDialect) -> [String] {
        let x = SQLExpression.column(table: nil, name: "X")
        let n = SQLExpression.literal(.integer(2))
        var all: [String] = [
            dialect.name, "\(dialect.limitStyle)", "\(dialect.supportsNullsOrdering)",
            "\(dialect.supportsCommonTables)",
            "\(dialect.supportsWindowFunctions)", "\(dialect.supportsMerge)", "\(dialect.mergeNeedsPrimaryIndex)",
            "\(dialect.supportsOnConflict)", "\(String(describing: dialect.updateFromStyle))",
            "\(String(describing: dialect.transactionKeywords))", "\(dialect.hasBooleanLiterals)",
            "\(dialect.tableAliasKeyword)", "\(dialect.supportsTruncate)", "\(dialect.moduloStyle)",
            "\(dialect.concatStyle)", "\(dialect.keepsEmptyStrings)", "\(dialect.comparesStringsExactly)",
            "\(dialect.hasExactDecimals)", "\(dialect.readsExponentLiteralsAsDoubles)",
            "\(dialect.roundsDecimalsHalfAwayFromZero)", "\(String(describing: dialect.characterLengthFunction))",
            dialect.substringFunction, "\(dialect.identifierQuotes)", "\(dialect.backslashEscapesInStrings)",
            dialect.stringLiteralPrefix, "\(dialect.trimNeedsBlankArgument)", "\(dialect.hasPadFunctions)",
            "\(dialect.trimsCharacterSets)", "\(dialect.casesAllLetters)", "\(dialect.acceptsCommonTablesInInsert)",
            "\(dialect.supportsFullOuterJoin)", "\(dialect.integerOperandsKeepTheirWidth)",
            "\(dialect.integerOverflowFails)", "\(dialect.failsPastYear9999)", "\(dialect.failsBeforeYear1)",
            "\(dialect.datesOutOfRangeAreNull)", "\(dialect.derivedColumnNaming)",
        ]
        all += [
            "\(dialect.trim(leading: true, x))", "\(dialect.trim(leading: false, x))",
            "\(String(describing: dialect.stringPosition(of: x, in: x)))",
            "\(String(describing: dialect.truncateNumber(x, digits: n)))",
            "\(String(describing: dialect.regexMatch(x, "^a+$")))", "\(String(describing: dialect.failure(x)))",
            "\(dialect.comparableWithTimestampLiterals(x))", "\(String(describing: dialect.codePointOrdering(x)))",
            "\(String(describing: dialect.formatDate(x, pattern: "YYYY")))",
            "\(String(describing: dialect.lastDayOfMonth(x)))", "\(String(describing: dialect.wholeNumberText(x)))",
            "\(dialect.isNamed("duckdb"))", "\(dialect.answer { $0.failure(x) != nil })",
            dialect.identifier("select"), dialect.stringLiteral("it's"), dialect.dateLiteral("2026-12-01"),
            dialect.timestampLiteral("2026-12-01 10:00:00"), dialect.typeName(.decimal(precision: 10, scale: 2)),
            dialect.castTypeName(.varchar(30)), dialect.castTypeName(.nvarchar(30)),
        ]
        all += SQLDateField.allCases.map { "\(String(describing: dialect.dateFormatElement($0)))" }
        all += SQLDateUnit.allCases.map { "\(String(describing: dialect.truncateDate(x, to: $0)))" }
        all += SQLDateUnit.allCases.filter { $0 != .year }.map { "\(String(describing: dialect.addToDate(x, $0, n)))" }
        return all
    }

    @Test("the recording dialect answers every question as its base does, in every dialect")
    func answersAsItsBase() {
        for dialect in SQLDialects.all {
            let record = SQLDialectRecord()
            let recording = SQLRecordingDialect(base: dialect, record: record)
            // The name aside, which the recording dialect leaves to the result (`naming`).
            #expect(Self.answers(recording).dropFirst() == Self.answers(dialect).dropFirst(), "\(dialect.name)")
            #expect(recording.name == SQLDialectRecord.namePlaceholder)
            #expect(recording.wideDecimalReason == SQLDialectRecord.wideDecimalReasonPlaceholder)
            #expect(recording.isNamed(dialect.name) && !recording.isNamed("no-such-dialect"), "\(dialect.name)")
            #expect(record.holds(in: dialect), "\(dialect.name)")
        }
    }

    @Test("a record holds in exactly the dialects that answer its questions alike")
    func holdsWhereAnswersAgree() {
        let record = SQLDialectRecord()
        let recording = SQLRecordingDialect(base: PostgreSQLDialect(), record: record)
        #expect(recording.hasExactDecimals)
        #expect(record.holds(in: DuckDBDialect()))
        #expect(!record.holds(in: SQLiteDialect()), "SQLite computes decimals as doubles")
        // A call with arguments: PostgreSQL and DuckDB fail a statement differently.
        _ = recording.failure(.literal(.string("stop")))
        #expect(record.holds(in: PostgreSQLDialect()))
        #expect(!record.holds(in: DuckDBDialect()))
        // The narrower question, whether a statement can be failed at all, holds in both.
        let narrow = SQLDialectRecord()
        _ = SQLRecordingDialect(base: PostgreSQLDialect(), record: narrow).answer {
            $0.failure(.literal(.string("stop"))) != nil
        }
        #expect(narrow.holds(in: DuckDBDialect()))
        #expect(!narrow.holds(in: SybaseASEDialect()), "Sybase ASE cannot fail a statement")
        // Nothing asked: the record holds anywhere.
        #expect(SQLDialectRecord().holds(in: SybaseASEDialect()))
        // The name read for a message is no question; a decision on it is.
        let named = SQLDialectRecord()
        let duckDB = SQLRecordingDialect(base: DuckDBDialect(), record: named)
        _ = duckDB.name
        #expect(named.holds(in: PostgreSQLDialect()))
        #expect(duckDB.isNamed("duckdb"))
        #expect(named.holds(in: DuckDBDialect()))
        #expect(!named.holds(in: PostgreSQLDialect()))
    }

    @Test("a result names its dialect where its lowering wrote the recording dialect's name")
    func resultsNameTheirDialect() {
        let placeholder = SQLDialectRecord.namePlaceholder
        let reason = SQLDialectRecord.wideDecimalReasonPlaceholder
        let diagnostic = Diagnostic(
            code: DiagnosticCode("CG2001"), severity: .warning, message: "not lowered to \(placeholder): no",
            location: IR.SourceLocation(file: "f.xml"), notes: ["\(placeholder) lacks it", "wide: \(reason)."],
            fix: "lower to \(placeholder) later")
        var sql = SQLPipelineSQL(
            pipeline: "m", loads: [],
            report: SQLPushdownReport(
                pipeline: "m", pushedDown: [], notPushedDown: [.init(target: "T", node: "N", diagnostic: diagnostic)]))
        sql.report.verbatimTexts = [diagnostic]
        let named = sql.naming(OracleDialect())
        for found in named.report.notPushedDown.map(\.diagnostic) + named.report.verbatimTexts {
            #expect(found.message == "not lowered to oracle: no")
            #expect(
                found.notes == [
                    "oracle lacks it",
                    "wide: the runtime writes such a double into a numeric column as the connection's text of it (15 "
                        + "significant digits in SQLite, the shortest exact text in PostgreSQL), which no SQL cast "
                        + "reproduces on every connection.",
                ])
            #expect(found.fix == "lower to oracle later")
        }
        #expect(!"\(named)".contains(placeholder) && !"\(named)".contains(reason))
        // SQLite holds decimals as doubles: its reason is its own.
        let inSQLite = sql.naming(SQLiteDialect()).report.verbatimTexts.first?.notes.last
        #expect(
            inSQLite
                == "wide: sqlite's CAST of text to REAL is not always the nearest double (about 1 value in 20,000 of "
                + "15 to 18 digits is one unit in the last place off), the runtime's is.")
    }
}
