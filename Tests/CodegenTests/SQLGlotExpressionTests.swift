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

    /// The casts to text the lowering writes (a NULL given a port's type, a number's digits, a
    /// profiled value shown as text) parse in every dialect: Teradata's name no character set.
    @Test(
        "casts to text parse with sqlglot in every dialect",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func castsToTextParse() throws {
        let statements = SQLDialects.all.map { dialect in
            let items = [
                SQLSelectItem(.cast(.literal(.null), .varchar(30)), as: "A"),
                SQLSelectItem(.cast(.literal(.null), .nvarchar(30)), as: "B"),
                SQLSelectItem(.cast(.column(table: nil, name: "N"), .varchar(20)), as: "C"),
            ]
            let select = SQLSelect(items: items, from: .table(SQLTableName("T"), alias: nil))
            return ("casts", dialect.name, SQLPrinter(dialect).print(.query(.select(select))))
        }
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
    }

    /// Every preview and profile query (`migrate sql --node N --preview|--profile`) of every
    /// node of every fixture export, in every dialect that writes it, parses in that dialect:
    /// the profile shows each column's least and greatest values cast to text.
    @Test(
        "preview and profile queries of the fixtures parse with sqlglot in every dialect",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func nodeQueriesParse() throws {
        let folder = SQLGoldenTests.fixtures.appendingPathComponent("powercenter")
        var statements: [(id: String, dialect: String, sql: String)] = []
        for fixture in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let input = folder.appendingPathComponent("\(fixture)/input.xml").path
            guard FileManager.default.fileExists(atPath: input) else { continue }
            for pipeline in PowerCenterImporter().importFile(atPath: input).pipelines where pipeline.kind == .mapping {
                for node in pipeline.nodes {
                    for dialect in SQLDialects.all {
                        let queries = SQLNodeQueries(dialect)
                        let printer = SQLPrinter(dialect)
                        let id = "\(fixture)/\(pipeline.name)/\(node.id)"
                        if case .success(let preview) = queries.preview(pipeline, node: node.id) {
                            statements.append((id + "/preview", dialect.name, printer.print(preview)))
                        }
                        if case .success(let profile) = queries.profile(pipeline, node: node.id) {
                            statements += profile.map { (id + "/profile", dialect.name, printer.print($0)) }
                        }
                    }
                }
            }
        }
        #expect(Set(statements.map(\.dialect)) == Set(SQLDialects.all.map(\.name)))
        #expect(statements.count > 500, "\(statements.count) statements")
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
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

    /// What `migrate convert --dialect` writes is checked whole, not statement by statement: the
    /// comments naming each target kept in the runtime quote the export's expressions, line breaks
    /// and all (CR LF or a lone CR in 29 corpus exports), and a comment broken by one leaves the
    /// rest of the message to be read as SQL. A script of comments alone gets a closing
    /// `SELECT 1;`, so that it too must parse to a statement.
    @Test(
        "every script migrate convert writes for the corpus parses whole in its dialect",
        .enabled(
            if: SQLGlot.available && !files.isEmpty, "skipped: needs sqlglot (pip) and ../shared/corpus/powercenter"))
    func corpusScriptsParse() throws {
        var scripts: [(id: String, dialect: String, sql: String)] = []
        var withStatements = 0
        for file in Self.files {
            let result = PowerCenterImporter().importFile(atPath: file)
            for pipeline in result.pipelines where pipeline.kind == .mapping {
                let texts = BatchSQL.scripts(pipeline, dialects: SQLDialects.all, workflows: result.workflows)
                for (dialect, text) in zip(SQLDialects.all, texts) {
                    let statements = text.contains(";\n")
                    if statements { withStatements += 1 }
                    scripts.append(
                        ("\(pipeline.name)/\(dialect.name)", dialect.name, statements ? text : text + "SELECT 1;\n"))
                }
            }
        }
        #expect(
            scripts.count > 500 && withStatements > 100, "\(scripts.count) scripts, \(withStatements) with statements")
        let result = try #require(SQLGlot.check(scripts))
        #expect(result.output.hasSuffix("checked \(scripts.count) failed 0\n"), "\(result.output)")
    }
}
