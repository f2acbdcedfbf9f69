import IR
import Testing

@testable import Runtime

@Suite("Operators: rank, sequence, route, sort, row kind")
struct OperatorMoreTests {
    typealias H = OperatorHarness
    let settings = OperatorHarness.settings

    @Test("bottom ranks per group keep each row's own columns; NULL ranks lowest")
    func rankBottomPerGroup() throws {
        let input = RowSet(
            columns: ["G", "S", "ID"],
            rows: [
                [H.text("A"), H.int(3), H.int(1)], [H.text("B"), H.int(9), H.int(2)],
                [H.text("A"), H.int(1), H.int(3)],
                [H.text("A"), H.int(2), H.int(4)], [H.text("B"), .null, H.int(5)],
            ])
        let result = try Rank.run(
            spec: RankSpec(top: false, count: 2, rankBy: "S", groupBy: ["G"], indexPort: "RANKINDEX"), input: input,
            settings: settings)
        #expect(result.columns == ["G", "S", "ID", "RANKINDEX"])
        #expect(
            result.rows.map { [$0[2], $0[3]] } == [
                [H.int(3), H.int(1)], [H.int(4), H.int(2)], [H.int(5), H.int(1)], [H.int(2), H.int(2)],
            ])
    }

    @Test("ties at the Nth place are all kept; no index column without an index port")
    func rankTiesBeyondCount() throws {
        let input = H.column("S", [5, 7, 7, 7, 1])
        let result = try Rank.run(
            spec: RankSpec(top: true, count: 2, rankBy: "S", groupBy: [], indexPort: nil), input: input,
            settings: settings)
        #expect(result.columns == ["S"])
        #expect(result.rows == [[H.int(7)], [H.int(7)], [H.int(7)]])
    }

    @Test("a cycling sequence returns to start after end; CURRVAL is NEXTVAL + increment")
    func sequenceCycle() throws {
        var generator = SequenceGenerator(spec: SequenceSpec(start: 0, increment: 5, end: 12, current: 5, cycle: true))
        var values: [SequenceValues] = []
        for _ in 0..<4 { values.append(try generator.next()) }
        #expect(values.map(\.next) == [5, 10, 0, 5])
        #expect(values.map(\.current) == [10, 15, 5, 10])
        #expect(generator.persistedCurrent == 10)
    }

    @Test("without cycle, passing end stops the run with RT0023; reset keeps the original current value")
    func sequenceExhausted() throws {
        var generator = SequenceGenerator(spec: SequenceSpec(increment: 1, end: 2, current: 1))
        #expect(try generator.next().next == 1)
        #expect(try generator.next().next == 2)
        #expect(H.errorCode { _ = try generator.next() } == "RT0023")
        var reset = SequenceGenerator(spec: SequenceSpec(current: 7, reset: true))
        _ = try reset.next()
        #expect(reset.persistedCurrent == 7)
    }

    @Test("a row no condition accepts (false or NULL) goes to DEFAULT, or nowhere without one")
    func routeDefault() throws {
        let conditions = [
            RouteCondition(name: "BIG", condition: try H.expression("A > 5", integerColumns: ["A"])),
            RouteCondition(name: "ODD", condition: try H.expression("MOD(A, 2) = 1", integerColumns: ["A"])),
        ]
        let routed = try Route.run(H.column("A", [7, 2, nil, 3]), conditions: conditions, defaultGroup: "DEFAULT")
        #expect(routed.map(\.name) == ["BIG", "ODD", "DEFAULT"])
        #expect(routed.map(\.rows.rows) == [[[H.int(7)]], [[H.int(7)], [H.int(3)]], [[H.int(2)], [.null]]])
        #expect(try Route.groups(of: [H.int(2)], conditions: conditions, defaultGroup: nil).isEmpty)
    }

    @Test("descending with NULL high puts NULL first; NULL low ascending puts it first too")
    func sortNulls() throws {
        let input = H.column("C", [2, nil, 3])
        let descending = try Sort.run(
            spec: SortSpec(keys: [SortKey(port: "C", descending: true)]), input: input, settings: settings)
        let low = try Sort.run(
            spec: SortSpec(keys: [SortKey(port: "C", descending: false)], nulls: .low), input: input, settings: settings
        )
        #expect(descending.rows == [[.null], [H.int(3)], [H.int(2)]])
        #expect(low.rows == [[.null], [H.int(2)], [H.int(3)]])
    }

    @Test("case-sensitive order puts 'A' before 'a'; case-insensitive keeps input order between them")
    func sortCase() throws {
        let input = RowSet(columns: ["S"], rows: [[H.text("b")], [H.text("a")], [H.text("A")]])
        let key = [SortKey(port: "S", descending: false)]
        let sensitive = try Sort.run(spec: SortSpec(keys: key), input: input, settings: settings)
        let insensitive = try Sort.run(
            spec: SortSpec(keys: key, caseSensitive: false), input: input, settings: settings)
        #expect(sensitive.rows == [[H.text("A")], [H.text("a")], [H.text("b")]])
        #expect(insensitive.rows == [[H.text("a")], [H.text("A")], [H.text("b")]])
    }

    @Test("distinct removes rows equal in every column, not only in the keys")
    func sortDistinct() throws {
        let input = RowSet(
            columns: ["K", "V"],
            rows: [
                [H.int(2), H.text("x")], [H.int(1), H.text("y")], [H.int(1), H.text("x")], [H.int(2), H.text("x")],
            ])
        let result = try Sort.run(
            spec: SortSpec(keys: [SortKey(port: "K", descending: true)], distinct: true), input: input,
            settings: settings)
        #expect(result.rows == [[H.int(2), H.text("x")], [H.int(1), H.text("x")], [H.int(1), H.text("y")]])
    }

    @Test("the update strategy decides only under data driven; its values map 0–3, others fail")
    func rowKinds() throws {
        #expect(RowKind.effective(sessionDefault: .update, strategyResult: .delete) == .update)
        #expect(RowKind.effective(sessionDefault: .delete, strategyResult: nil) == .delete)
        #expect(RowKind.effective(sessionDefault: .dataDriven, strategyResult: .reject) == .reject)
        #expect(RowKind.effective(sessionDefault: .dataDriven, strategyResult: nil) == .insert)
        let kinds = try [0, 1, 2, 3].map { (n: Int64) throws(RowError) in try RowKind.fromStrategy(.integer(n)) }
        #expect(kinds == [.insert, .update, .delete, .reject])
        #expect(try RowKind.fromStrategy(.null) == .insert)
        #expect(H.errorCode { _ = try RowKind.fromStrategy(.integer(7)) } == "RT0022")
    }
}
