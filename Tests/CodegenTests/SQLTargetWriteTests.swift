import Codegen
import IR
import Testing

/// Target write modes in the SQL lowering (reference §2.13, §2.14; dialects.md §3.4): the row kind
/// an Update Strategy sets, honoured only when the session treats rows as data driven; upsert,
/// update and delete by the target's primary key as each dialect writes them; and the refusals
/// when rows may share a key. Expectations written by hand from the pipelines below.
@Suite("SQL target writes")
struct SQLTargetWriteTests {
    /// S (K primary key, V) → SQ_S → AGG (group by K, TOTAL = SUM(V)) → UPD (`strategy`) → T (K primary
    /// key, TOTAL).
    static func pipeline(
        strategy: String, grouped: Bool = true, key: DataType = .integer, forwardRejected: Bool = true,
        sourceKey: Bool = true
    ) -> Pipeline {
        let file = SourceLocation(file: "m.XML", line: 1, column: 1)
        let root = ObjectPath([.init("MAPPING", "m")])
        func port(
            _ node: String, _ name: String, _ type: DataType, _ roles: PortRoles, from source: PortRef? = nil,
            expression: String? = nil, key: KeyKind? = nil
        ) -> IR.Port {
            IR.Port(
                name: name, type: type, roles: roles, source: source, expression: expression.map(ScalarExpression.init),
                key: key,
                provenance: Provenance(path: root.appending("INSTANCE", node).appending("PORT", name), location: file))
        }
        func node(_ id: String, _ op: Operator, _ ports: [IR.Port]) -> Node {
            Node(
                id: id, op: op, ports: ports,
                provenance: Provenance(path: root.appending("INSTANCE", id), location: file))
        }
        let text = key
        let upstream = grouped ? "AGG" : "SQ_S"
        let value = grouped ? "TOTAL" : "V"
        let nodes = [
            node(
                "S", .source(SourceSpec(table: "S")),
                // K is the source's key: never NULL, and unique, as the target's key needs (an insert
                // of a key that may be NULL or repeated is tested in SQLNullRefusingColumnTests).
                [port("S", "K", text, .output, key: sourceKey ? .primary : nil), port("S", "V", .integer, .output)]),
            node(
                "SQ_S", .sourceQuery(SourceQuerySpec(sources: ["S"])),
                [
                    port("SQ_S", "K", text, [.input, .output], from: PortRef(node: "S", port: "K")),
                    port("SQ_S", "V", .integer, [.input, .output], from: PortRef(node: "S", port: "V")),
                ]),
            node(
                "AGG", .aggregate(AggregateSpec(groupBy: ["K"])),
                [
                    port("AGG", "K", text, [.input, .output], from: PortRef(node: "SQ_S", port: "K")),
                    port("AGG", "V", .integer, .input, from: PortRef(node: "SQ_S", port: "V")),
                    port("AGG", "TOTAL", .integer, .output, expression: "SUM(V)"),
                ]),
            node(
                "UPD",
                .setRowKind(RowKindSpec(expression: ScalarExpression(strategy), forwardRejected: forwardRejected)),
                [
                    port("UPD", "K", text, [.input, .output], from: PortRef(node: upstream, port: "K")),
                    port("UPD", "TOTAL", .integer, [.input, .output], from: PortRef(node: upstream, port: value)),
                ]),
            node(
                "T", .target(TargetSpec(table: "T")),
                [
                    port("T", "K", text, .input, from: PortRef(node: "UPD", port: "K"), key: .primary),
                    port("T", "TOTAL", .integer, .input, from: PortRef(node: "UPD", port: "TOTAL")),
                ]),
        ]
        return Pipeline(
            name: "m", kind: .mapping, origin: Origin(tool: "PowerCenter", file: "m.XML", path: root), parameters: [],
            nodes: grouped ? nodes : nodes.filter { $0.id != "AGG" }, targetLoadOrder: [], attributes: [],
            provenance: Provenance(path: root, location: file))
    }

    static let upsert = ["T": SQLTargetWriteOptions(updateAsUpdate: false, updateElseInsert: true)]

    static func script(
        _ dialect: any SQLDialect, strategy: String = "DD_UPDATE", treat: RowKindDefault = .dataDriven,
        options: [String: SQLTargetWriteOptions] = upsert, grouped: Bool = true, key: DataType = .integer
    ) -> (String, SQLPushdownReport) {
        let lowering = SQLPipelineLowering(dialect, treatRowsAs: treat, targetOptions: options)
        let sql = lowering.lower(pipeline(strategy: strategy, grouped: grouped, key: key))
        return (SQLPipelineScript.text(sql, dialect: dialect), sql.report)
    }

    /// The target's rows as a derived table (no `WITH`), as MERGE, UPDATE … FROM and DELETE read them.
    static let derived = """
        (
          SELECT
            K,
            TOTAL
          FROM (
            SELECT
              K,
              TOTAL
            FROM (
              SELECT
                K,
                SUM(V) AS TOTAL
              FROM (
                SELECT
                  K,
                  V
                FROM S
              ) AS SQ_S
              GROUP BY K
            ) AS AGG
          ) AS UPD
        )
        """

    /// The common tables of the pipeline, as an INSERT writes them.
    static let commonTables = """
        WITH
          SQ_S AS (
            SELECT
              K,
              V
            FROM S
          ),
          AGG AS (
            SELECT
              K,
              SUM(V) AS TOTAL
            FROM SQ_S
            GROUP BY K
          ),
          UPD AS (
            SELECT
              K,
              TOTAL
            FROM AGG
          )
        """

    @Test("DD_UPDATE, data driven, Update else Insert on SQLite and PostgreSQL: INSERT … ON CONFLICT (K) DO UPDATE")
    func upsertWithOnConflict() {
        for dialect: any SQLDialect in [SQLiteDialect(), PostgreSQLDialect()] {
            let (text, report) = Self.script(dialect)
            #expect(report.status == .full, "\(report.diagnostics)")
            #expect(
                text == "-- mapping m, target T (\(dialect.name))\nINSERT INTO T (K, TOTAL)\n" + Self.commonTables + """

                    SELECT
                      K,
                      TOTAL
                    FROM UPD
                    WHERE 1 = 1
                    ON CONFLICT (K) DO UPDATE SET TOTAL = excluded.TOTAL;

                    """)
        }
    }

    @Test("upsert on Snowflake: MERGE updating matched keys and inserting the others")
    func upsertWithMerge() {
        let (text, report) = Self.script(SnowflakeDialect())
        #expect(report.status == .full, "\(report.diagnostics)")
        let expected = """
            -- mapping m, target T (snowflake)
            MERGE INTO T AS tgt
            USING \(Self.derived.replacingOccurrences(of: "\n", with: "\n"))
            """
        #expect(
            text == expected + """
                 AS src
                ON tgt.K = src.K
                WHEN MATCHED THEN UPDATE SET TOTAL = src.TOTAL
                WHEN NOT MATCHED THEN INSERT (K, TOTAL) VALUES (src.K, src.TOTAL);

                """)
    }

    @Test(
        "upsert on Sybase ASE (no MERGE relied on): UPDATE … FROM, then INSERT … WHERE NOT EXISTS, in one transaction")
    func upsertOnSybase() {
        let (text, report) = Self.script(SybaseASEDialect())
        #expect(report.status == .full, "\(report.diagnostics)")
        #expect(
            text == """
                -- mapping m, target T (sybase)
                BEGIN TRANSACTION;
                UPDATE T
                SET TOTAL = src.TOTAL
                FROM T, \(Self.derived) src
                WHERE T.K = src.K;
                INSERT INTO T (K, TOTAL)
                SELECT
                  src.K,
                  src.TOTAL
                FROM \(Self.derived) AS src
                WHERE NOT EXISTS (SELECT 1
                  FROM T
                  WHERE T.K = src.K);
                COMMIT;

                """)
    }

    @Test("upsert on Teradata (MERGE needs the primary index): delete the keys, insert every row, between BT and ET")
    func upsertOnTeradata() {
        let (text, report) = Self.script(TeradataDialect())
        #expect(report.status == .full, "\(report.diagnostics)")
        #expect(text.hasPrefix("-- mapping m, target T (teradata)\nBT;\nDELETE FROM T\nWHERE EXISTS (SELECT 1\n"))
        #expect(text.contains("  WHERE T.K = src.K);\nINSERT INTO T (K, TOTAL)\nSELECT\n  K,\n  TOTAL\nFROM (\n"))
        #expect(text.hasSuffix("\n) AS UPD;\nET;\n"))
    }

    @Test("DD_DELETE, data driven: DELETE … WHERE EXISTS a source row with the key, the same in every dialect")
    func deleteByKey() {
        let inner = Self.derived.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n").dropFirst(2)
        for dialect: any SQLDialect in [SQLiteDialect(), SQLServerDialect(), DuckDBDialect()] {
            let (text, report) = Self.script(dialect, strategy: "DD_DELETE")
            #expect(report.status == .full, "\(report.diagnostics)")
            #expect(
                text == """
                    -- mapping m, target T (\(dialect.name))
                    DELETE FROM T
                    WHERE EXISTS (SELECT 1
                      FROM \(inner) AS src
                      WHERE T.K = src.K);

                    """)
        }
    }

    @Test("treat rows as update with the default options (Update as Update): Oracle MERGE without an insert branch")
    func updateOnlyWithMerge() {
        let (text, _) = Self.script(OracleDialect(), treat: .update, options: [:])
        #expect(text.hasPrefix("-- mapping m, target T (oracle)\nMERGE INTO T tgt\nUSING (\n"))
        #expect(text.hasSuffix("\n) src\nON tgt.K = src.K\nWHEN MATCHED THEN UPDATE SET TOTAL = src.TOTAL;\n"))
        #expect(!text.contains("NOT MATCHED"))
    }

    @Test("treat rows as update on SQLite: UPDATE … FROM (…) AS src")
    func updateOnlyWithUpdateFrom() {
        let (text, _) = Self.script(SQLiteDialect(), treat: .update, options: [:])
        #expect(
            text == """
                -- mapping m, target T (sqlite)
                UPDATE T
                SET TOTAL = src.TOTAL
                FROM \(Self.derived) AS src
                WHERE T.K = src.K;

                """)
    }

    @Test("an update or upsert sets the connected non-key columns only (§2.20): an unconnected NOTE is untouched")
    func unconnectedColumnKeepsItsValue() throws {
        var pipeline = Self.pipeline(strategy: "DD_UPDATE")
        let index = try #require(pipeline.nodes.firstIndex { $0.id == "T" })
        let file = SourceLocation(file: "m.XML", line: 1, column: 1)
        pipeline.nodes[index].ports.append(
            IR.Port(
                name: "NOTE", type: .string(precision: 10), roles: .input,
                provenance: Provenance(path: ObjectPath([.init("MAPPING", "m")]), location: file)))
        let cases: [(any SQLDialect, [String: SQLTargetWriteOptions])] = [
            (PostgreSQLDialect(), Self.upsert), (OracleDialect(), Self.upsert), (OracleDialect(), [:]),
        ]
        for (dialect, options) in cases {
            let sql = SQLPipelineLowering(dialect, treatRowsAs: .dataDriven, targetOptions: options).lower(pipeline)
            let text = SQLPipelineScript.text(sql, dialect: dialect)
            #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
            #expect(text.contains("TOTAL = ") && !text.contains("NOTE"), "\(text)")
        }
    }

    @Test("without a session, a mapping with an Update Strategy runs data driven (the Workflow Manager's default)")
    func sessionlessDefault() {
        var pipeline = Self.pipeline(strategy: "DD_UPDATE")
        #expect(RowKindDefault.treatingRows(of: pipeline, under: nil) == .dataDriven)
        #expect(
            SessionLowering.lowering(SQLiteDialect(), pipeline, nil, highPrecision: false).treatRowsAs == .dataDriven)
        let session = SessionSpec(pipeline: "m", rowKind: .insert)
        #expect(RowKindDefault.treatingRows(of: pipeline, under: session) == .insert)
        pipeline.nodes.removeAll { $0.id == "UPD" }
        #expect(RowKindDefault.treatingRows(of: pipeline, under: nil) == .insert)
    }

    @Test("the session's default (insert) ignores the strategy: one plain INSERT")
    func insertSessionIgnoresTheStrategy() {
        let (text, report) = Self.script(SQLiteDialect(), strategy: "DD_DELETE", treat: .insert)
        #expect(report.status == .full)
        #expect(text.hasSuffix("SELECT\n  K,\n  TOTAL\nFROM UPD;\n"))
        #expect(!text.contains("DELETE") && !text.contains("ROW_KIND"))
    }

    @Test("IIF(TOTAL > 10, DD_UPDATE, DD_INSERT): a ROW_KIND column; upsert kind 1, insert kind 0, no delete")
    func kindColumnFromIIF() {
        let (text, report) = Self.script(SQLiteDialect(), strategy: "IIF(TOTAL > 10, DD_UPDATE, DD_INSERT)")
        #expect(report.status == .full)
        #expect(text.contains("      TOTAL,\n      CASE WHEN TOTAL > 10 THEN 1 ELSE 0 END AS ROW_KIND\n    FROM AGG\n"))
        #expect(text.contains("FROM UPD\nWHERE ROW_KIND = 1\nON CONFLICT (K) DO UPDATE SET TOTAL = excluded.TOTAL;\n"))
        #expect(text.contains("FROM UPD\nWHERE ROW_KIND = 0;\nCOMMIT;\n"))
        #expect(text.hasPrefix("-- mapping m, target T (sqlite)\nBEGIN TRANSACTION;\nINSERT INTO T"))
        #expect(!text.contains("DELETE"))
    }

    @Test("an integer expression: NULL is 0, 0-3 themselves, anything else -1 (a row error, not written)")
    func kindColumnChecked() {
        let (text, _) = Self.script(SQLiteDialect(), strategy: "TOTAL")
        #expect(
            text.contains(
                "CASE WHEN TOTAL IS NULL THEN 0 WHEN TOTAL IN (0, 1, 2, 3) THEN TOTAL ELSE (-1) END AS ROW_KIND"))
        // Kind 2 deletes, 1 upserts, 0 inserts; 3 (reject) and -1 are in no statement.
        #expect(text.contains("\n    WHERE ROW_KIND = 2\n  ) AS src\n  WHERE T.K = src.K);\n"))
        #expect(text.contains("WHERE ROW_KIND = 1\nON CONFLICT"))
        #expect(text.contains("WHERE ROW_KIND = 0;\n"))
        #expect(!text.contains("ROW_KIND = 3") && !text.contains("IN (0, 3)"))
    }

    @Test("rows that may share a key are refused (CG2013): no aggregator groups them by the key")
    func duplicateKeysRefused() {
        let (text, report) = Self.script(SQLiteDialect(), grouped: false)
        #expect(text.isEmpty)
        #expect(report.diagnostics.map(\.code) == ["CG2013"])
        #expect(report.diagnostics.first?.message.contains("same key ('K')") == true)
        #expect(report.diagnostics.first?.path.description == "MAPPING[m]/INSTANCE[T]")
    }

    @Test("an update strategy giving 7 for every row is refused (CG2014)")
    func invalidConstantRefused() {
        let (_, report) = Self.script(SQLiteDialect(), strategy: "7")
        #expect(report.diagnostics.map(\.code) == ["CG2014"])
        #expect(report.nodesNotPushedDown == ["UPD"])
    }

    @Test("plain inserts need no key: DD_INSERT data driven without an aggregator is an INSERT")
    func insertsNeedNoKey() {
        let (text, report) = Self.script(SQLiteDialect(), strategy: "DD_INSERT", grouped: false)
        #expect(report.status == .full)
        #expect(text.hasSuffix("FROM UPD;\n"))
    }

    @Test("an insert of rows that may share the target's key is refused: the runtime rejects all but the first")
    func insertOfRepeatedKeysRefused() {
        let lowering = SQLPipelineLowering(SQLiteDialect(), treatRowsAs: .insert)
        let sql = lowering.lower(Self.pipeline(strategy: "DD_INSERT", grouped: false, sourceKey: false))
        #expect(sql.report.pushedDown.isEmpty)
        let refusal = sql.report.diagnostics.first
        #expect(refusal?.code == "CG2013")
        #expect(refusal?.message.contains("may receive two rows with the same key ('K')") == true, "\(sql.report)")
        // Grouped by K, the rows are unique on it again; K may still be NULL (a NULL group).
        let grouped = lowering.lower(Self.pipeline(strategy: "DD_INSERT", sourceKey: false))
        #expect(grouped.report.status == .full, "\(grouped.report.diagnostics)")
        let text = SQLPipelineScript.text(grouped, dialect: SQLiteDialect())
        #expect(text.hasSuffix("FROM UPD\nWHERE K IS NOT NULL;\n"), "\(text)")
    }

    /// S (K primary key, V) → SQ_S → AGG_A and AGG_B (group by K, TYPE = `first` / `second`, TOTAL =
    /// SUM(V)) → UN (union) → UPD (DD_UPDATE) → T (K and TYPE primary key, TOTAL): the telecom demo's
    /// shape. K and the constant TYPE are never NULL, so no row is left out.
    static func unionPipeline(first: String, second: String) -> Pipeline {
        let file = SourceLocation(file: "u.XML", line: 1, column: 1)
        let root = ObjectPath([.init("MAPPING", "u")])
        func port(
            _ node: String, _ name: String, _ type: DataType, _ roles: PortRoles, from: (String, String)? = nil,
            expression: String? = nil, group: String? = nil, key: KeyKind? = nil
        ) -> IR.Port {
            IR.Port(
                name: name, type: type, roles: roles, group: group,
                source: from.map { PortRef(node: $0.0, port: $0.1) },
                expression: expression.map(ScalarExpression.init), key: key,
                provenance: Provenance(path: root.appending("INSTANCE", node).appending("PORT", name), location: file))
        }
        func node(_ id: String, _ op: Operator, _ ports: [IR.Port]) -> Node {
            Node(
                id: id, op: op, ports: ports,
                provenance: Provenance(path: root.appending("INSTANCE", id), location: file))
        }
        let kind = DataType.string(precision: 8)
        func aggregate(_ id: String, _ constant: String) -> Node {
            node(
                id, .aggregate(AggregateSpec(groupBy: ["K"])),
                [
                    port(id, "K", .integer, [.input, .output], from: ("SQ_S", "K")),
                    port(id, "V", .integer, .input, from: ("SQ_S", "V")),
                    port(id, "TYPE", kind, .output, expression: constant),
                    port(id, "TOTAL", .integer, .output, expression: "SUM(V)"),
                ])
        }
        var union: [IR.Port] = []
        var mappings: [PortMapping] = []
        for (group, from) in [("A", "AGG_A"), ("B", "AGG_B")] {
            for (name, type) in [("K", DataType.integer), ("TYPE", kind), ("TOTAL", .integer)] {
                union.append(port("UN", name + group, type, .input, from: (from, name), group: group))
                mappings.append(PortMapping(input: name + group, output: name))
            }
        }
        union += [
            port("UN", "K", .integer, .output), port("UN", "TYPE", kind, .output),
            port("UN", "TOTAL", .integer, .output),
        ]
        let nodes = [
            node(
                "S", .source(SourceSpec(table: "S")),
                [port("S", "K", .integer, .output, key: .primary), port("S", "V", .integer, .output)]),
            node(
                "SQ_S", .sourceQuery(SourceQuerySpec(sources: ["S"])),
                ["K", "V"].map { port("SQ_S", $0, .integer, [.input, .output], from: ("S", $0)) }),
            aggregate("AGG_A", first), aggregate("AGG_B", second),
            node("UN", .union(UnionSpec(inputGroups: ["A", "B"], mappings: mappings)), union),
            node(
                "UPD", .setRowKind(RowKindSpec(expression: ScalarExpression("DD_UPDATE"))),
                ["K", "TYPE", "TOTAL"].map {
                    port("UPD", $0, $0 == "TYPE" ? kind : .integer, [.input, .output], from: ("UN", $0))
                }),
            node(
                "T", .target(TargetSpec(table: "T")),
                [
                    port("T", "K", .integer, .input, from: ("UPD", "K"), key: .primary),
                    port("T", "TYPE", kind, .input, from: ("UPD", "TYPE"), key: .primary),
                    port("T", "TOTAL", .integer, .input, from: ("UPD", "TOTAL")),
                ]),
        ]
        return Pipeline(
            name: "u", kind: .mapping, origin: Origin(tool: "PowerCenter", file: "u.XML", path: root), parameters: [],
            nodes: nodes, targetLoadOrder: [], attributes: [], provenance: Provenance(path: root, location: file))
    }

    @Test(
        "a union of two aggregators by K whose TYPE is 'HOME' in one and 'ROAMING' in the other is unique on (K, TYPE) (TYPE is quoted)"
    )
    func unionOfDisjointAggregatesIsUpserted() {
        let lowering = SQLPipelineLowering(SQLiteDialect(), treatRowsAs: .dataDriven, targetOptions: Self.upsert)
        let sql = lowering.lower(Self.unionPipeline(first: "'HOME'", second: "'ROAMING'"))
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let text = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(
            text.contains(
                "    SELECT\n      K,\n      'HOME' AS \"TYPE\",\n      SUM(V) AS TOTAL\n    FROM SQ_S\n    GROUP BY K\n"
            ))
        #expect(text.hasSuffix("WHERE 1 = 1\nON CONFLICT (K, \"TYPE\") DO UPDATE SET TOTAL = excluded.TOTAL;\n"))
    }

    @Test("the same constant in both union groups may repeat a key: refused (CG2013)")
    func unionOfOverlappingAggregatesIsRefused() {
        let lowering = SQLPipelineLowering(SQLiteDialect(), treatRowsAs: .dataDriven, targetOptions: Self.upsert)
        let sql = lowering.lower(Self.unionPipeline(first: "'HOME'", second: "'HOME'"))
        #expect(sql.report.diagnostics.map(\.code) == ["CG2013"])
        #expect(sql.report.nodesNotPushedDown == ["T"])
    }

    @Test("an Insert session ignores the update strategy (§2.13, case 48): every row inserted, rejects too")
    func insertSessionIgnoresRejects() {
        let strategy = "IIF(TOTAL > 10, DD_REJECT, DD_INSERT)"
        for forward in [false, true] {
            let sql = SQLPipelineLowering(SQLiteDialect()).lower(
                Self.pipeline(strategy: strategy, grouped: false, forwardRejected: forward))
            #expect(sql.report.status == .full)
            let text = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
            #expect(text.hasSuffix("FROM UPD;\n"), "\(text)")
            #expect(!text.contains("ROW_KIND"), "\(text)")
        }
    }

    @Test(
        "every write-mode statement parses with sqlglot in its dialect (Teradata BT/ET excepted)",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func writeStatementsParse() throws {
        var statements: [(id: String, dialect: String, sql: String)] = []
        let cases: [(String, String, RowKindDefault, [String: SQLTargetWriteOptions])] = [
            ("upsert", "DD_UPDATE", .dataDriven, Self.upsert), ("delete", "DD_DELETE", .dataDriven, [:]),
            ("update", "DD_UPDATE", .update, [:]), ("kinds", "TOTAL", .dataDriven, Self.upsert),
        ]
        for dialect in SQLDialects.all {
            for (name, strategy, treat, options) in cases {
                let lowering = SQLPipelineLowering(dialect, treatRowsAs: treat, targetOptions: options)
                for load in lowering.lower(Self.pipeline(strategy: strategy)).loads {
                    for statement in load.statements {
                        if dialect.name == "teradata", statement == .beginTransaction || statement == .commitTransaction
                        {
                            continue
                        }
                        statements.append((name, dialect.name, SQLPrinter(dialect).print(statement)))
                    }
                }
            }
        }
        #expect(statements.count > 40)
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
    }

    @Test("Databricks has no multi-statement transactions: delete, MERGE and insert follow one another unwrapped")
    func databricksStatementsAreNotWrapped() {
        let (text, report) = Self.script(DatabricksDialect(), strategy: "TOTAL")
        #expect(report.status == .full)
        #expect(!text.contains("BEGIN") && !text.contains("COMMIT"))
        #expect(text.hasPrefix("-- mapping m, target T (databricks)\nDELETE FROM T\n"))
        #expect(text.contains(";\nMERGE INTO T AS tgt\n") && text.contains("WHERE ROW_KIND = 0;\n"))
    }
}
