import Codegen
import Foundation
import IR
import Importers
import Testing

/// Every expression the dialect tables lower, as `SELECT … FROM T` in each dialect that lowers it,
/// parses with sqlglot in that dialect.
@Suite struct SQLGlotExpressionTests {
    @Test(
        "lowered expressions parse with sqlglot in their dialect",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func expressionsParse() throws {
        var statements: [(id: String, dialect: String, sql: String)] = []
        let rows = SQLLoweringFunctionTables.strings + SQLLoweringFunctionTables.numbers
        for row in rows {
            for dialect in SQLDialects.all {
                let source = ExpressionSource(row.expression)
                let parsed = ExpressionParser.parse(source)
                let typed = ExpressionTypeChecker.check(
                    parsed.expression, in: TypeEnvironment(ports: SQLLoweringFunctionTests.ports), source: source)
                let columns = Dictionary(
                    uniqueKeysWithValues: SQLLoweringFunctionTests.ports.keys.map {
                        ($0, SQLExpression.column(table: nil, name: $0))
                    })
                guard
                    case .success(let expression) = SQLExpressionLowering(dialect).lower(typed.typed, columns: columns)
                else { continue }
                let select = SQLSelect(
                    items: [SQLSelectItem(expression, as: "R")], from: .table(SQLTableName("T"), alias: nil))
                statements.append((row.expression, dialect.name, SQLPrinter(dialect).print(.query(.select(select)))))
            }
        }
        #expect(statements.count > 100)
        let result = try #require(SQLGlot.check(statements))
        #expect(
            result.status == 0 && result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
    }

    @Test(
        "the check finds a statement that does not parse",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func brokenStatementFails() throws {
        let result = try #require(
            SQLGlot.check([("ok", "postgres", "SELECT 1 AS R FROM T"), ("broken", "postgres", "SELECT (1 + FROM T")]))
        #expect(result.output.contains("\"id\": \"broken\""))
        #expect(result.output.hasSuffix("checked 2 failed 1\n"))
    }
}

/// The SQL of every corpus mapping, in every dialect, parses with sqlglot in that dialect.
@Suite struct SQLGlotCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")
        .path
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter {
            $0.lowercased().hasSuffix(".xml")
        }
        .sorted().map { "\(corpus)/\($0)" }
    }

    @Test(
        "every pushed-down corpus statement parses in its dialect",
        .enabled(
            if: SQLGlot.available && !files.isEmpty, "skipped: needs sqlglot (pip) and ../shared/corpus/powercenter"))
    func corpusStatementsParse() throws {
        var statements: [(id: String, dialect: String, sql: String)] = []
        for file in Self.files {
            for pipeline in PowerCenterImporter().importFile(atPath: file).pipelines {
                for dialect in SQLDialects.all {
                    let sql = SQLPipelineLowering(dialect).lower(pipeline)
                    for load in sql.loads {
                        for statement in load.statements {
                            statements.append(
                                ("\(pipeline.name)/\(load.target)", dialect.name, SQLPrinter(dialect).print(statement)))
                        }
                    }
                }
            }
        }
        #expect(statements.count > 20)
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
    }
}
