import Foundation
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
            return String(words[1].prefix { $0 != ":" && $0 != "(" })
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
                recording.contains("    var \(name): ") || recording.contains("    func \(name)("),
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
            "\(String(describing: dialect.lastDayOfMonth(x)))",
            dialect.identifier("select"), dialect.stringLiteral("it's"), dialect.dateLiteral("2026-12-01"),
            dialect.timestampLiteral("2026-12-01 10:00:00"), dialect.typeName(.decimal(precision: 10, scale: 2)),
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
            #expect(Self.answers(recording) == Self.answers(dialect), "\(dialect.name)")
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
        // Nothing asked: the record holds anywhere.
        #expect(SQLDialectRecord().holds(in: SybaseASEDialect()))
        // The name is a question too (refusals name the dialect).
        let named = SQLDialectRecord()
        _ = SQLRecordingDialect(base: DuckDBDialect(), record: named).name
        #expect(!named.holds(in: PostgreSQLDialect()))
    }
}
