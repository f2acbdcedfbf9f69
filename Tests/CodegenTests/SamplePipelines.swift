import IR

/// Hand-built IR values for the golden tests. Every provenance's file is the origin's file, as it
/// is after reading YAML back.
enum SamplePipelines {
    static let file = "m_all_operators.XML"
    static let mapplet = ObjectPath([.init("FOLDER", "Sales"), .init("MAPPLET", "mplt_all")])

    static func at(_ kind: String, _ name: String, line: Int, column: Int = 3) -> Provenance {
        Provenance(
            path: mapplet.appending(kind, name), location: SourceLocation(file: file, line: line, column: column))
    }

    static func port(
        _ node: String, _ name: String, _ type: DataType, _ roles: PortRoles, line: Int,
        source: PortRef? = nil, expression: String? = nil, group: String? = nil
    ) -> Port {
        Port(
            name: name, type: type, roles: roles, group: group, source: source,
            expression: expression.map(ScalarExpression.init),
            provenance: Provenance(
                path: mapplet.appending("TRANSFORMATION", node).appending("PORT", name),
                location: SourceLocation(file: file, line: line, column: 5)))
    }

    static func node(
        _ id: String, _ op: Operator, ports: [Port], line: Int, attributes: [Attribute] = [],
        notes: [ConversionNote] = [], description: String? = nil, definition: Provenance? = nil
    ) -> Node {
        Node(
            id: id, op: op, description: description, ports: ports, attributes: attributes, notes: notes,
            provenance: at("TRANSFORMATION", id, line: line), definition: definition)
    }

    /// A mapplet with one node of every operator kind, every option set.
    static var allOperators: Pipeline {
        Pipeline(
            name: "mplt_all", kind: .mapplet, description: "Every operator: one node each.",
            origin: Origin(
                tool: "PowerCenter", file: file, path: mapplet, repository: "REP_DEV", exported: "01/02/2024 10:11:12"),
            parameters: parameters, nodes: sourceSide + transforms + rowShapers + sinks, targetLoadOrder: ["TGT_DIM"],
            attributes: [Attribute("Mapping Comment", "yes"), Attribute("Version", "012")],
            provenance: Provenance(path: mapplet, location: SourceLocation(file: file, line: 10, column: 1)))
    }

    static var parameters: [Parameter] {
        [
            Parameter(
                name: "$$LOAD_DATE", kind: .parameter, type: .dateTime(precision: 29, scale: 9),
                defaultValue: "2024-01-01", description: "load date",
                provenance: at("MAPPINGVARIABLE", "$$LOAD_DATE", line: 11)),
            Parameter(
                name: "$$MAX_ID", kind: .variable, type: .bigInteger, defaultValue: "0", aggregation: .max,
                isExpression: true, persistent: true, provenance: at("MAPPINGVARIABLE", "$$MAX_ID", line: 12)),
        ]
    }

    static var sourceSide: [Node] {
        let flat = FlatFileFormat(
            delimited: true, delimiters: ",", quote: "double", escape: "\\", skipRows: 1, codePage: "UTF-8",
            attributes: [Attribute("Line Sequential", "NO")])
        var id = port("SRC_CUSTOMERS", "ID", .decimal(precision: 10, scale: 0), [.output], line: 21)
        id.nativeType = NativeType(name: "number", precision: 10, scale: 0)
        id.nullable = false
        id.key = .primary
        id.description = "customer key: unique"
        id.attributes = [Attribute("Business Name", "")]
        return [
            node(
                "SRC_CUSTOMERS",
                .source(
                    SourceSpec(
                        table: "CUSTOMERS", schema: "dbo", database: "Oracle", catalog: "ORA_SRC", flatFile: flat)),
                ports: [id], line: 20, description: "  indented description",
                definition: Provenance(
                    path: mapplet.appending("SOURCE", "CUSTOMERS"),
                    location: SourceLocation(file: file, line: 5, column: 2))),
            node(
                "SQ_CUSTOMERS",
                .sourceQuery(
                    SourceQuerySpec(
                        sources: ["SRC_CUSTOMERS"],
                        sqlOverride: "SELECT ID, NAME\r\nFROM CUSTOMERS\r\nWHERE STATUS = 'A'",
                        join: "A.ID = B.ID", filter: "STATUS = 'yes'", sortedPorts: 2, distinct: true,
                        preSQL: "DELETE FROM STAGE;", postSQL: "ANALYZE TABLE STAGE\nCOMPUTE STATISTICS")),
                ports: [
                    port(
                        "SQ_CUSTOMERS", "ID", .decimal(precision: 10, scale: 0), [.input, .output], line: 31,
                        source: PortRef(node: "SRC_CUSTOMERS", port: "ID"))
                ], line: 30),
        ]
    }

    static var transforms: [Node] {
        var total = port(
            "EXP_1", "o_total", .decimal(precision: 12, scale: 2), [.output], line: 42, expression: "v_sum + 1")
        total.defaultValue = ScalarExpression("ERROR('transformation error')")
        let up = PortRef(node: "SQ_CUSTOMERS", port: "ID")
        return [
            node(
                "EXP_1", .project(ProjectSpec()),
                ports: [
                    port("EXP_1", "ID", .integer, [.input, .output], line: 40, source: up),
                    port(
                        "EXP_1", "v_sum", .decimal(precision: 12, scale: 2), [.variable], line: 41,
                        expression: "v_sum + ID"),
                    total,
                ], line: 39, attributes: [Attribute("Tracing Level", "Normal")],
                notes: [
                    ConversionNote(
                        code: "IMP0042", severity: .warning,
                        message: "variable port 'v_sum' keeps its value across rows")
                ]),
            node(
                "FIL_1", .filter(FilterSpec(condition: ScalarExpression("NOT ISNULL(ID) AND NAME != ''"))),
                ports: [port("FIL_1", "ID", .integer, [.input, .output], line: 51, source: up)], line: 50),
            node(
                "AGG_1",
                .aggregate(
                    AggregateSpec(
                        groupBy: ["ID"], sortedInput: true, ungroupedValue: .anyRow, emptyInputYieldsNoRow: false,
                        scope: "all-input")),
                ports: [port("AGG_1", "ID", .integer, [.input, .output], line: 61, source: up)], line: 60),
            node(
                "JNR_1",
                .join(
                    JoinSpec(
                        kind: .fullOuter, condition: ScalarExpression("ID = ID1"), nullKeysMatch: true,
                        caseSensitive: false,
                        sortedInput: true)),
                ports: [
                    port("JNR_1", "ID", .integer, [.input, .output], line: 71, source: up, group: "left"),
                    port("JNR_1", "ID1", .integer, [.input, .output], line: 72, source: up, group: "right"),
                ], line: 70),
            node(
                "LKP_1",
                .lookup(
                    LookupSpec(
                        connected: false, table: "DIM", sqlOverride: "SELECT * FROM DIM", filter: "ACTIVE = 1",
                        condition: ScalarExpression("KEY = IN_KEY"), multipleMatch: .all, cached: false, dynamic: true,
                        persistent: true, nullKeysMatch: false, caseSensitive: false, connection: "$Source",
                        sourceType: "database")),
                ports: [
                    port("LKP_1", "IN_KEY", .integer, [.input], line: 81),
                    port("LKP_1", "KEY", .integer, [.lookup], line: 82),
                    port("LKP_1", "VALUE", .string(precision: 20), [.lookup, .output, .returnValue], line: 83),
                ], line: 80),
            node(
                "RTR_1",
                .route(
                    RouteSpec(
                        inputGroup: "INPUT",
                        groups: [
                            RouteGroup(name: "BIG", condition: ScalarExpression("AMOUNT > 1000")),
                            RouteGroup(name: "DEFAULT1", condition: nil),
                        ], defaultGroup: "DEFAULT1")),
                ports: [port("RTR_1", "AMOUNT", .double, [.input], line: 91, source: up, group: "INPUT")], line: 90),
        ]
    }

    static var rowShapers: [Node] {
        let up = PortRef(node: "EXP_1", port: "o_total")
        return [
            node(
                "SRT_1",
                .sort(
                    SortSpec(
                        keys: [SortKey(port: "NAME", descending: true), SortKey(port: "ID", descending: false)],
                        distinct: true, caseSensitive: false, nulls: .low)),
                ports: [port("SRT_1", "NAME", .nstring(precision: 40), [.input, .output], line: 101, source: up)],
                line: 100),
            node(
                "RNK_1",
                .rank(
                    RankSpec(
                        top: false, count: 5, rankBy: "AMOUNT", groupBy: ["REGION"], indexPort: "RANKINDEX",
                        caseSensitive: false)),
                ports: [port("RNK_1", "AMOUNT", .real, [.input, .output], line: 111, source: up)], line: 110),
            node(
                "UN_1",
                .union(
                    UnionSpec(
                        inputGroups: ["G1", "G2"],
                        mappings: [PortMapping(input: "ID1", output: "ID"), PortMapping(input: "ID2", output: "ID")])),
                ports: [port("UN_1", "ID1", .smallInteger, [.input], line: 121, source: up, group: "G1")], line: 120),
            node(
                "NRM_1",
                .unpivot(
                    UnpivotSpec(
                        columns: [
                            UnpivotColumn(output: "AMOUNT", occurs: 3, inputs: ["AMOUNT1", "AMOUNT2", "AMOUNT3"])
                        ],
                        keyPort: "GK_AMOUNT", indexPorts: ["GCID_AMOUNT"])),
                ports: [port("NRM_1", "AMOUNT1", .text(precision: 100), [.input], line: 131, source: up)], line: 130),
            node(
                "SEQ_1",
                .sequence(
                    SequenceSpec(
                        start: 1, increment: 2, end: Int.max, current: 100, cycle: true, cachedValues: 1000, reset: true
                    )),
                ports: [port("SEQ_1", "NEXTVAL", .bigInteger, [.output], line: 141)], line: 140),
        ]
    }

    static var sinks: [Node] {
        let up = PortRef(node: "EXP_1", port: "o_total")
        return [
            node(
                "UPD_1",
                .setRowKind(
                    RowKindSpec(
                        expression: ScalarExpression("IIF(FLAG = 'D', DD_DELETE, DD_UPDATE)"), forwardRejected: false)),
                ports: [port("UPD_1", "FLAG", .string(precision: 1), [.input, .output], line: 151, source: up)],
                line: 150),
            node(
                "TC_1",
                .transactionControl(
                    TransactionControlSpec(
                        condition: ScalarExpression("IIF(NEW_FILE, TC_COMMIT_BEFORE, TC_CONTINUE_TRANSACTION)"))),
                ports: [port("TC_1", "NEW_FILE", .integer, [.input, .output], line: 161, source: up)], line: 160),
            node(
                "INPUT", .input(BoundarySpec(name: "INPUT")),
                ports: [port("INPUT", "IN_ID", .ntext(precision: 2000), [.output], line: 171)], line: 170),
            node(
                "OUTPUT", .output(BoundarySpec(name: "OUTPUT")),
                ports: [port("OUTPUT", "OUT_ID", .binary(precision: 16), [.input], line: 181, source: up)], line: 180),
            node(
                "TGT_DIM",
                .target(
                    TargetSpec(
                        table: "DIM_CUSTOMER", schema: "dw", database: "Microsoft SQL Server",
                        flatFile: FlatFileFormat(delimited: false))),
                ports: [port("TGT_DIM", "ID", .integer, [.input], line: 191, source: up)], line: 190),
            node(
                "SP_1",
                .opaque(
                    OpaqueSpec(vendorType: "Stored Procedure", reason: "stored procedures are not converted: 'SP_X'")),
                ports: [port("SP_1", "RET", .integer, [.output, .returnValue], line: 201)], line: 200,
                notes: [
                    ConversionNote(
                        code: "IMP0050", severity: .error, message: "stored procedure 'SP_X' was not converted")
                ]),
        ]
    }
}
