import IR
import Testing

@testable import Runtime

/// Cases 38–53 of powercenter-cases.md: operators through Sources/Runtime/Operators, the rest
/// through the evaluator tests that already pin them.
enum ReferenceOperatorCases {
    typealias H = OperatorHarness

    static let cases: [ReferenceCase] = [
        ReferenceCase(number: 38, believed: true, summary: "Aggregator: a non-aggregated port is the group's last row")
        {
            try case38()
        },
        ReferenceCase(number: 39, believed: true, summary: "Aggregator: SUM(AMT, AMT > 0) over 5, -3, NULL, 2 = 7") {
            try case39()
        },
        ReferenceCase(number: 40, believed: true, summary: "Aggregator: MAX(COUNT(ITEM)) collapses groups to one row") {
            try case40()
        },
        ReferenceCase(number: 41, believed: false, summary: "Joiner Master Outer keeps all detail rows") {
            try case41()
        },
        ReferenceCase(number: 42, believed: false, summary: "Joiner Detail Outer keeps all master rows") {
            try case42()
        },
        ReferenceCase(number: 43, believed: true, summary: "cached Lookup: a NULL input matches a NULL key") {
            try case43()
        },
        ReferenceCase(number: 44, believed: false, summary: "Rank top 5 of 100, 100, 90, 80 = 1, 1, 3, 4") {
            try case44()
        },
        ReferenceCase(number: 45, believed: false, summary: "Sequence: NEXTVAL 1, 2, 3 and CURRVAL 2, 3, 4") {
            try case45()
        },
        ReferenceCase(number: 46, believed: true, summary: "variable ports read the previous row; start at 0") {
            try EvalTransformationTests().case46()
        },
        ReferenceCase(number: 47, believed: false, summary: "v_cnt = v_cnt + 1 counts 1, 2, 3") {
            try EvalTransformationTests().case47()
        },
        ReferenceCase(number: 48, believed: true, summary: "Update Strategy ignored when the session inserts") {
            try case48()
        },
        ReferenceCase(number: 49, believed: true, summary: "Router: a row goes to every true group, not DEFAULT") {
            try case49()
        },
        ReferenceCase(number: 50, believed: false, summary: "SETMAXVARIABLE ignores update rows") {
            try EvalTransformationTests().case50()
        },
        ReferenceCase(number: 51, believed: true, summary: "Sorter ascending, NULL high: 1, 2, NULL") { try case51() },
        expressionCase(52, true, "'a' || 1 + 2 = 'a3'"),
        ReferenceCase(number: 53, believed: false, summary: "Lookup Use All Values: 2 matches give 2 rows") {
            try case53()
        },
    ]

    static func case38() throws {
        let input = RowSet(
            columns: ["DEPT", "NAME"],
            rows: [[H.int(10), H.text("A")], [H.int(10), H.text("B")], [H.int(10), H.text("C")]])
        let result = try Aggregate.run(
            spec: AggregateSpec(groupBy: ["DEPT"]), input: input,
            outputs: [("DEPT", .column("DEPT")), ("NAME", .column("NAME"))], settings: H.settings)
        #expect(result.rows == [[H.int(10), H.text("C")]])
    }

    static func case39() throws {
        let call = AggregateCall(
            .sum, try H.expression("AMT", integerColumns: ["AMT"]),
            filter: try H.expression("AMT > 0", integerColumns: ["AMT"]))
        let result = try Aggregate.run(
            spec: AggregateSpec(groupBy: []), input: H.column("AMT", [5, -3, nil, 2]),
            outputs: [("TOTAL", .aggregate(call))], settings: H.settings)
        #expect(result.rows.count == 1)
        #expect(EvalHarness.matches(.success(result.rows.first?.first ?? .null), .number(7)), "\(result.rows)")
    }

    static func case40() throws {
        let stores: [Int64] = [1, 2, 1, 2, 2, 1, 2, 2]  // store 1: 3 items, store 2: 5 items
        let input = RowSet(
            columns: ["STORE", "ITEM"], rows: stores.enumerated().map { [H.int($0.element), H.int(Int64($0.offset))] })
        let count = AggregateCall(.count, try H.expression("ITEM", integerColumns: ["STORE", "ITEM"]))
        let result = try Aggregate.run(
            spec: AggregateSpec(groupBy: ["STORE"]), input: input,
            outputs: [("M", .nested(outer: .max, inner: count))], settings: H.settings)
        #expect(result.rows == [[H.int(5)]])
    }

    static let partsSize = RowSet(
        columns: ["PART_ID1", "SIZE"],
        rows: [[H.int(1), H.text("S")], [H.int(2), H.text("M")], [H.int(3), H.text("L")]])
    static let partsColor = RowSet(
        columns: ["PART_ID", "COLOR"],
        rows: [[H.int(1), H.text("red")], [H.int(3), H.text("blue")], [H.int(4), H.text("green")]])

    static func joinParts(_ kind: JoinKind) throws -> RowSet {
        // Detail (streamed) is left, master (cached) is right.
        try Join.run(
            kind: kind, left: partsColor, right: partsSize, keys: [KeyPair("PART_ID", "PART_ID1")],
            nullKeysMatch: false, settings: H.settings)
    }

    static func case41() throws {
        let result = try joinParts(.leftOuter)  // Master Outer
        #expect(
            result.rows == [
                [H.int(1), H.text("red"), H.int(1), H.text("S")], [H.int(3), H.text("blue"), H.int(3), H.text("L")],
                [H.int(4), H.text("green"), .null, .null],
            ])
    }

    static func case42() throws {
        let result = try joinParts(.rightOuter)  // Detail Outer
        #expect(result.rows.map { $0[2] } == [H.int(1), H.int(3), H.int(2)])
        #expect(result.rows.last == [.null, .null, H.int(2), H.text("M")])
    }

    static func case43() throws {
        let table = RowSet(columns: ["K", "V"], rows: [[H.int(1), H.text("one")], [.null, H.text("null key")]])
        let lookup = Lookup(table: table, keys: [KeyPair("IN_K", "K")], returning: ["V"], policy: .first)
        let result = try lookup.run(H.column("IN_K", [nil]), settings: H.settings)
        #expect(result.rows == [[.null, H.text("null key")]])
    }

    static func case44() throws {
        let result = try Rank.run(
            spec: RankSpec(top: true, count: 5, rankBy: "SALES", groupBy: [], indexPort: "RANKINDEX"),
            input: H.column("SALES", [100, 100, 90, 80]), settings: H.settings)
        #expect(
            result.rows == [
                [H.int(100), H.int(1)], [H.int(100), H.int(1)], [H.int(90), H.int(3)], [H.int(80), H.int(4)],
            ])
    }

    static func case45() throws {
        var generator = SequenceGenerator(spec: SequenceSpec(increment: 1, current: 1))
        var values: [SequenceValues] = []
        for _ in 0..<3 { values.append(try generator.next()) }
        #expect(values.map(\.next) == [1, 2, 3])
        #expect(values.map(\.current) == [2, 3, 4])
    }

    static func case48() throws {
        let strategy = try H.expression("IIF(X > 0, DD_UPDATE, DD_INSERT)", integerColumns: ["X"])
        var kinds: [RowKind] = []
        var dataDriven: [RowKind] = []
        for x: Int64 in [5, -1] {
            let result = try RowKind.fromStrategy(try strategy.evaluate([H.int(x)]))
            kinds.append(RowKind.effective(sessionDefault: .insert, strategyResult: result))
            dataDriven.append(RowKind.effective(sessionDefault: .dataDriven, strategyResult: result))
        }
        #expect(kinds == [.insert, .insert])
        #expect(dataDriven == [.update, .insert])
    }

    static func case49() throws {
        let conditions = [
            RouteCondition(name: "G1", condition: try H.expression("A > 5", integerColumns: ["A"])),
            RouteCondition(name: "G2", condition: try H.expression("A > 3", integerColumns: ["A"])),
        ]
        #expect(try Route.groups(of: [H.int(10)], conditions: conditions, defaultGroup: "DEFAULT") == ["G1", "G2"])
    }

    static func case51() throws {
        let result = try Sort.run(
            spec: SortSpec(keys: [SortKey(port: "C", descending: false)], nulls: .high),
            input: H.column("C", [2, nil, 1]),
            settings: H.settings)
        #expect(result.rows == [[H.int(1)], [H.int(2)], [.null]])
    }

    static func case53() throws {
        let table = RowSet(
            columns: ["K", "V"], rows: [[H.int(1), H.text("a")], [H.int(2), H.text("x")], [H.int(1), H.text("b")]])
        let lookup = Lookup(table: table, keys: [KeyPair("IN_K", "K")], returning: ["V"], policy: .all)
        let result = try lookup.run(H.column("IN_K", [1]), settings: H.settings)
        #expect(result.rows == [[H.int(1), H.text("a")], [H.int(1), H.text("b")]])
    }
}
