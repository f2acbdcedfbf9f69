import Testing

@testable import Codegen

/// Which columns of a statement's common tables the statement needs (``SQLColumnLiveness``).
@Suite("SQL column liveness")
struct SQLColumnLivenessTests {
    static func column(_ name: String, _ table: String? = nil) -> SQLExpression { .column(table: table, name: name) }

    @Test("a column is needed when the statement reads it, through later common tables or any clause")
    func throughTablesAndClauses() {
        // A computes X, Y, W; B reads X and W but filters on Y; the statement reads only B's X.
        let a = SQLSelect(
            items: [
                SQLSelectItem(Self.column("X")), SQLSelectItem(Self.column("Y")),
                SQLSelectItem(.function(name: "UPPER", arguments: [Self.column("Z")]), as: "W"),
            ], from: .table(SQLTableName("T"), alias: nil))
        let b = SQLSelect(
            items: [SQLSelectItem(Self.column("X")), SQLSelectItem(Self.column("W"))],
            from: .table(SQLTableName("A"), alias: nil),
            filter: .binary(.greater, Self.column("Y"), .literal(.integer(0))))
        var statement = SQLSelect(items: [SQLSelectItem(Self.column("X"))], from: .table(SQLTableName("B"), alias: nil))
        statement.with = [SQLCommonTable("A", .select(a)), SQLCommonTable("B", .select(b))]
        let liveness = SQLColumnLiveness(statement)
        #expect(liveness.needs("A", "X") && liveness.needs("A", "y") && liveness.needs("B", "X"))
        #expect(!liveness.needs("A", "W"), "B's W is not read, so A's W is not either")
        #expect(!liveness.needs("B", "W"))
        // Ordered by W, B needs it, and so A's W.
        var ordered = statement
        ordered.orderBy = [SQLOrdering(Self.column("W"), nulls: .first)]
        #expect(SQLColumnLiveness(ordered).needs("A", "W"))
    }

    @Test("aliases of joined tables, a union's columns by position, DISTINCT and *")
    func aliasesUnionsDistinctAndStar() {
        let join = SQLFromItem.join(
            .table(SQLTableName("L"), alias: "D"), .left, .table(SQLTableName("R"), alias: "M"),
            on: .binary(.equal, Self.column("K", "D"), Self.column("K", "M")))
        let u = SQLQuery.union(
            all: true,
            [
                .select(SQLSelect(items: [SQLSelectItem(Self.column("P")), SQLSelectItem(Self.column("Q"))])),
                .select(SQLSelect(items: [SQLSelectItem(Self.column("P2")), SQLSelectItem(Self.column("Q2"))])),
            ])
        var statement = SQLSelect(items: [SQLSelectItem(Self.column("V", "M"))], from: join)
        statement.with = [
            SQLCommonTable("U", u),
            SQLCommonTable(
                "L", .select(SQLSelect(items: [SQLSelectItem(Self.column("K")), SQLSelectItem(Self.column("V"))]))),
            SQLCommonTable(
                "R", .select(SQLSelect(items: [SQLSelectItem(Self.column("K")), SQLSelectItem(Self.column("V"))]))),
        ]
        var liveness = SQLColumnLiveness(statement)
        #expect(liveness.needs("R", "V") && liveness.needs("R", "K") && liveness.needs("L", "K"))
        #expect(!liveness.needs("L", "V"), "only M's V is read")
        #expect(!liveness.needs("U", "P") && !liveness.needs("U", "Q"))
        // Reading the union's second column needs the second column of every query.
        statement.items.append(SQLSelectItem(Self.column("Q", "D")))
        statement.from = .join(join, .cross, .table(SQLTableName("U"), alias: nil), on: nil)
        statement.items.append(SQLSelectItem(Self.column("Q", "U")))
        liveness = SQLColumnLiveness(statement)
        #expect(liveness.needs("U", "Q") && !liveness.needs("U", "P"))
        // SELECT DISTINCT computes every column; `*` reads every column.
        var distinct = SQLSelect(items: [SQLSelectItem(Self.column("K"))], from: .table(SQLTableName("L"), alias: nil))
        distinct.with = [
            SQLCommonTable(
                "L",
                .select(
                    SQLSelect(
                        distinct: true, items: [SQLSelectItem(Self.column("K")), SQLSelectItem(Self.column("V"))],
                        from: .table(SQLTableName("R"), alias: nil)))),
            SQLCommonTable("R", .select(SQLSelect(items: [SQLSelectItem(.star(table: nil))]))),
        ]
        distinct.with.reverse()
        liveness = SQLColumnLiveness(distinct)
        #expect(liveness.needs("R", "V"), "L's DISTINCT reads V")
        var star = SQLSelect(items: [SQLSelectItem(.star(table: nil))], from: .table(SQLTableName("L"), alias: nil))
        star.with = [SQLCommonTable("L", .select(SQLSelect(items: [SQLSelectItem(Self.column("K"))])))]
        #expect(SQLColumnLiveness(star).needs("L", "ANYTHING"))
    }
}
