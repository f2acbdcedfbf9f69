import Codegen
import Foundation
import IR
import Importers
import Testing

/// The SQL text of whole pipelines (fixtures under Tests/Fixtures/powercenter), checked by hand
/// against the mappings: one statement per target, one common table per transformation, the
/// dialect's form of `WITH` inside `INSERT`; and the located reasons a target is not pushed down.
/// Tests/RuntimeTests/SQLPipelineExecutionTests.swift runs the SQL against the native executor.
@Suite("SQL pipeline lowering")
struct SQLPipelineLoweringTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    static func pipeline(_ name: String) throws -> Pipeline {
        let path = fixtures.appendingPathComponent(name).appendingPathComponent("input.xml").path
        return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
    }

    static func script(_ name: String, _ dialect: any SQLDialect) throws -> (String, SQLPushdownReport) {
        let sql = SQLPipelineLowering(dialect).lower(try pipeline(name))
        return (SQLPipelineScript.text(sql, dialect: dialect), sql.report)
    }

    @Test("filter on PostgreSQL: source qualifier and filter as common tables inside the INSERT")
    func filterOnPostgres() throws {
        let (text, report) = try Self.script("filter", PostgreSQLDialect())
        #expect(report.status == .full)
        #expect(
            text == """
                -- mapping m_filter, target T_OUT (postgres)
                INSERT INTO T_OUT (ID, NAME, DEPT, SAL)
                WITH
                  SQ_EMP AS (
                    SELECT
                      ID,
                      NAME,
                      DEPT,
                      SAL
                    FROM HR.EMP
                  ),
                  FIL_DEPT AS (
                    SELECT
                      ID,
                      NAME,
                      DEPT,
                      SAL
                    FROM SQ_EMP
                    WHERE DEPT = 20 AND SAL > 1000
                  )
                SELECT
                  ID,
                  NAME,
                  DEPT,
                  SAL
                FROM FIL_DEPT;

                """)
    }

    @Test("master outer join on SQLite: detail is the LEFT side (decision 0002)")
    func masterOuterOnSQLite() throws {
        let (text, report) = try Self.script("joiner_master_outer", SQLiteDialect())
        #expect(report.status == .full)
        #expect(
            text == """
                -- mapping m_joiner_master_outer, target T_OUT (sqlite)
                INSERT INTO T_OUT (ID, NAME)
                WITH
                  SQ_EMP AS (
                    SELECT
                      ID,
                      NAME,
                      DEPT,
                      SAL
                    FROM HR.EMP
                  ),
                  SQ_DEPTS AS (
                    SELECT
                      DEPT_ID,
                      DNAME
                    FROM HR.DEPTS
                  ),
                  JNR_EMP_DEPT AS (
                    SELECT
                      D.ID,
                      D.DEPT,
                      M.DEPT_ID,
                      M.DNAME
                    FROM SQ_EMP AS D
                    LEFT OUTER JOIN SQ_DEPTS AS M ON D.DEPT = M.DEPT_ID
                  )
                SELECT
                  ID,
                  DNAME AS NAME
                FROM JNR_EMP_DEPT;

                """)
    }

    @Test(
        "each join type's SQL join, detail on the left",
        arguments: [
            ("joiner_normal", "INNER JOIN"), ("joiner_master_outer", "LEFT OUTER JOIN"),
            ("joiner_detail_outer", "RIGHT OUTER JOIN"), ("joiner_full_outer", "FULL OUTER JOIN"),
        ])
    func joinKinds(fixture: String, join: String) throws {
        let (text, _) = try Self.script(fixture, PostgreSQLDialect())
        #expect(text.contains("FROM SQ_EMP AS D\n    \(join) SQ_DEPTS AS M ON D.DEPT = M.DEPT_ID"), "\(text)")
    }

    @Test("SQL Server: common tables become derived tables (no WITH inside INSERT)")
    func unionOnSQLServer() throws {
        let (text, report) = try Self.script("union", SQLServerDialect())
        #expect(report.status == .full)
        #expect(
            text == """
                -- mapping m_union, target T_OUT (sqlserver)
                INSERT INTO T_OUT (ID, NAME)
                SELECT
                  ID,
                  NAME
                FROM (
                  SELECT
                    ID,
                    NAME
                  FROM (
                    SELECT
                      ID,
                      NAME,
                      DEPT,
                      SAL
                    FROM HR.EMP
                  ) AS SQ_EMP
                  UNION ALL
                  SELECT
                    DEPT AS ID,
                    NAME
                  FROM (
                    SELECT
                      ID,
                      NAME,
                      DEPT,
                      SAL
                    FROM HR.EMP
                  ) AS SQ_EMP
                ) AS UN_ALL;

                """)
    }

    @Test("truncate-insert: the target is emptied first (DELETE on SQLite, TRUNCATE on Oracle)")
    func truncateInsert() throws {
        let pipeline = try Self.pipeline("filter")
        for (dialect, first) in [
            (SQLiteDialect() as any SQLDialect, "DELETE FROM T_OUT"), (OracleDialect(), "TRUNCATE TABLE T_OUT"),
        ] {
            let sql = SQLPipelineLowering(dialect, truncatedTargets: ["T_OUT"]).lower(pipeline)
            let statements = try #require(sql.loads.first).statements.map(SQLPrinter(dialect).print)
            #expect(statements.count == 2)
            #expect(statements.first == first)
            #expect(statements.last?.hasPrefix("INSERT INTO T_OUT (ID, NAME, DEPT, SAL)\nWITH") == true)
        }
    }

    @Test("a last-row aggregator port keeps the target in the runtime, located at the port (CG2007)")
    func lastRowPortIsRefused() throws {
        // The fixture's target column SAL, decimal(8,2), receives the decimal(10,2) sum: a refusal
        // found before any SQL is built, so it is the one named (CG2008, at the target's port).
        let (text, report) = try Self.script("aggregator", PostgreSQLDialect())
        #expect(text.isEmpty)
        #expect(report.status == .none)
        #expect(report.nodesNotPushedDown == ["T_OUT"])
        #expect(report.diagnostics.map(\.code) == ["CG2008"])
        #expect(report.diagnostics.first?.path.description.hasSuffix("INSTANCE[T_OUT]/PORT[SAL]") == true)
        // With a column as wide as the sum, the walk reaches the aggregator's last-row port.
        var pipeline = try Self.pipeline("aggregator")
        let target = try #require(pipeline.nodes.firstIndex { $0.id == "T_OUT" })
        let sal = try #require(pipeline.nodes[target].ports.firstIndex { $0.name == "SAL" })
        pipeline.nodes[target].ports[sal].type = .decimal(precision: 10, scale: 2)
        let widened = SQLPipelineLowering(PostgreSQLDialect()).lower(pipeline).report
        #expect(widened.status == .none)
        #expect(widened.nodesNotPushedDown == ["AGG_DEPT"])
        let diagnostic = try #require(widened.diagnostics.first)
        #expect(diagnostic.code == "CG2007")
        #expect(diagnostic.location.line == 35)
        #expect(diagnostic.path.description.hasSuffix("INSTANCE[AGG_DEPT]/PORT[NAME]"))
        #expect(diagnostic.message.contains("'NAME'"))
    }

    @Test("a source filter is raw SQL text: not pushed down (CG2005)")
    func sourceFilterIsRefused() throws {
        let (_, report) = try Self.script("basic", SQLiteDialect())
        #expect(report.diagnostics.map(\.code) == ["CG2005"])
        #expect(report.nodesNotPushedDown == ["SQ_EMP"])
    }

    @Test("a target reading two router groups cannot line up its rows (CG2009)")
    func twoRouterGroupsAreRefused() throws {
        let (_, report) = try Self.script("router_default", SQLiteDialect())
        #expect(report.diagnostics.map(\.code) == ["CG2009"])
        #expect(report.notPushedDown.map(\.target) == ["T_OUT"])
    }

    /// S (ID, A) → SQ_S → EXP (ID passed through, input in_A, output A = UPPER(in_A)) → T (ID,
    /// A from EXP, RAW = the source's A read straight from SQ_S), built by hand.
    static var passThroughPipeline: Pipeline {
        let file = SourceLocation(file: "m.XML", line: 1, column: 1)
        let root = ObjectPath([.init("MAPPING", "m")])
        func port(
            _ node: String, _ name: String, _ type: DataType, _ roles: PortRoles, from source: PortRef? = nil,
            expression: String? = nil
        ) -> IR.Port {
            IR.Port(
                name: name, type: type, roles: roles, source: source, expression: expression.map(ScalarExpression.init),
                provenance: Provenance(path: root.appending("INSTANCE", node).appending("PORT", name), location: file))
        }
        func node(_ id: String, _ op: Operator, _ ports: [IR.Port]) -> Node {
            Node(
                id: id, op: op, ports: ports,
                provenance: Provenance(path: root.appending("INSTANCE", id), location: file))
        }
        let text = DataType.string(precision: 10)
        let nodes = [
            node(
                "S", .source(SourceSpec(table: "S")),
                [port("S", "ID", .integer, .output), port("S", "A", text, .output)]),
            node(
                "SQ_S", .sourceQuery(SourceQuerySpec(sources: ["S"])),
                [
                    port("SQ_S", "ID", .integer, [.input, .output], from: PortRef(node: "S", port: "ID")),
                    port("SQ_S", "A", text, [.input, .output], from: PortRef(node: "S", port: "A")),
                ]),
            node(
                "EXP", .project(ProjectSpec()),
                [
                    port("EXP", "ID", .integer, [.input, .output], from: PortRef(node: "SQ_S", port: "ID")),
                    port("EXP", "in_A", text, .input, from: PortRef(node: "SQ_S", port: "A")),
                    port("EXP", "A", .string(precision: 5), .output, expression: "UPPER(in_A)"),
                ]),
            node(
                "T", .target(TargetSpec(table: "T")),
                [
                    port("T", "ID", .integer, .input, from: PortRef(node: "EXP", port: "ID")),
                    port("T", "A", .string(precision: 5), .input, from: PortRef(node: "EXP", port: "A")),
                    port("T", "RAW", text, .input, from: PortRef(node: "SQ_S", port: "A")),
                ]),
        ]
        return Pipeline(
            name: "m", kind: .mapping, origin: Origin(tool: "PowerCenter", file: "m.XML", path: root), parameters: [],
            nodes: nodes, targetLoadOrder: [], attributes: [], provenance: Provenance(path: root, location: file))
    }

    @Test(
        "an Expression carries its input's columns (renamed on a clash) so a target may read both; its A is cut to 5")
    func expressionCarriesItsInput() {
        let sql = SQLPipelineLowering(DuckDBDialect()).lower(Self.passThroughPipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(
            SQLPipelineScript.text(sql, dialect: DuckDBDialect()) == """
                -- mapping m, target T (duckdb)
                INSERT INTO T (ID, A, RAW)
                WITH
                  SQ_S AS (
                    SELECT
                      ID,
                      A
                    FROM S
                  ),
                  EXP AS (
                    SELECT
                      A AS A_2,
                      ID,
                      SUBSTR(UPPER(A), 1, 5) AS A
                    FROM SQ_S
                  )
                SELECT
                  ID,
                  A,
                  A_2 AS RAW
                FROM EXP;

                """)
    }

    @Test("a relational target column narrower than the strings it receives is refused, naming the column")
    func narrowTargetColumn() throws {
        var pipeline = Self.passThroughPipeline
        let target = try #require(pipeline.nodes.firstIndex { $0.id == "T" })
        let column = try #require(pipeline.nodes[target].ports.firstIndex { $0.name == "RAW" })
        pipeline.nodes[target].ports[column].type = .string(precision: 3)
        let report = SQLPipelineLowering(DuckDBDialect()).lower(pipeline).report
        #expect(report.status == .none)
        #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
        #expect(
            report.diagnostics.first?.message.contains(
                "target column 'RAW' of 'T' holds 3 characters and receives strings of up to 10") == true)
    }

    @Test("Sybase ASE has no FULL OUTER JOIN: the full outer joiner stays in the runtime")
    func fullOuterJoinOnSybase() throws {
        let (_, report) = try Self.script("joiner_full_outer", SybaseASEDialect())
        #expect(report.diagnostics.map(\.code) == ["CG2006"])
        #expect(report.nodesNotPushedDown == ["JNR_EMP_DEPT"])
    }

    @Test("the catalog: CG20xx codes, unique and sorted")
    func catalog() {
        let codes = SQLPipelineDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("CG20") && $0.count == 6 })
    }
}
