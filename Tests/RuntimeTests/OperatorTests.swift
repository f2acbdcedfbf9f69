import IR
import Testing

@testable import Runtime

@Suite("Operators: aggregate, join, lookup")
struct OperatorTests {
    typealias H = OperatorHarness
    let settings = OperatorHarness.settings

    func sum(_ column: String, _ columns: [String]) throws -> AggregateOutput {
        .aggregate(AggregateCall(.sum, try H.expression(column, integerColumns: columns)))
    }

    @Test("NULL group keys form one group; groups in order of first appearance")
    func aggregateNullGroup() throws {
        let input = RowSet(columns: ["K", "V"], rows: [[.null, H.int(1)], [H.int(5), H.int(2)], [.null, H.int(3)]])
        let result = try Aggregate.run(
            spec: AggregateSpec(groupBy: ["K"]), input: input,
            outputs: [("K", .column("K")), ("S", try sum("V", ["K", "V"]))], settings: settings)
        #expect(result.columns == ["K", "S"])
        #expect(result.rows == [[.null, H.int(4)], [H.int(5), H.int(2)]])
    }

    @Test("no rows: no output row without group-by (PowerCenter), one row with COUNT 0 (SQL option)")
    func aggregateEmptyInput() throws {
        let count = AggregateOutput.aggregate(AggregateCall(.countRows, nil))
        let empty = RowSet(columns: ["V"])
        let none = try Aggregate.run(
            spec: AggregateSpec(groupBy: []), input: empty, outputs: [("N", count)], settings: settings)
        #expect(none.rows.isEmpty)
        let sql = try Aggregate.run(
            spec: AggregateSpec(groupBy: [], emptyInputYieldsNoRow: false), input: empty,
            outputs: [("N", count), ("V", .column("V"))], settings: settings)
        #expect(sql.rows == [[H.int(0), .null]])
        let grouped = try Aggregate.run(
            spec: AggregateSpec(groupBy: ["V"], emptyInputYieldsNoRow: false), input: empty,
            outputs: [("N", count)], settings: settings)
        #expect(grouped.rows.isEmpty)
    }

    @Test("an ungrouped port gives the last row under last-row and the first under any-row")
    func aggregateUngroupedValue() throws {
        let input = RowSet(columns: ["V"], rows: [[H.int(7)], [H.int(8)], [H.int(9)]])
        let last = try Aggregate.run(
            spec: AggregateSpec(groupBy: []), input: input, outputs: [("V", .column("V"))], settings: settings)
        let any = try Aggregate.run(
            spec: AggregateSpec(groupBy: [], ungroupedValue: .anyRow), input: input,
            outputs: [("V", .column("V"))], settings: settings)
        #expect(last.rows == [[H.int(9)]])
        #expect(any.rows == [[H.int(7)]])
    }

    @Test("a nested aggregate collapses the groups; other ports take the last group's values")
    func aggregateNested() throws {
        // Groups: K=1 sums 1+2 = 3 (2 rows), K=2 sums 10 (1 row). MIN(SUM(V)) = 3; K is the last group's 2.
        let input = RowSet(
            columns: ["K", "V"], rows: [[H.int(1), H.int(1)], [H.int(2), H.int(10)], [H.int(1), H.int(2)]])
        let inner = AggregateCall(.sum, try H.expression("V", integerColumns: ["K", "V"]))
        let result = try Aggregate.run(
            spec: AggregateSpec(groupBy: ["K"]), input: input,
            outputs: [("K", .column("K")), ("M", .nested(outer: .min, inner: inner))], settings: settings)
        #expect(result.rows == [[H.int(2), H.int(3)]])
    }

    let detail = RowSet(
        columns: ["D", "DV"], rows: [[H.int(1), H.text("a")], [H.int(1), H.text("b")], [.null, H.text("n")]])
    let master = RowSet(
        columns: ["M", "MV"],
        rows: [[H.int(1), H.text("x")], [H.int(2), H.text("z")], [H.int(1), H.text("y")], [.null, H.text("m")]])

    @Test("an inner join gives every matching pair, in detail order then master order; NULL keys never match")
    func joinInner() throws {
        let result = try Join.run(
            kind: .inner, left: detail, right: master, keys: [KeyPair("D", "M")], nullKeysMatch: false,
            settings: settings)
        #expect(result.columns == ["D", "DV", "M", "MV"])
        #expect(
            result.rows.map { [$0[1], $0[3]] } == [
                [H.text("a"), H.text("x")], [H.text("a"), H.text("y")], [H.text("b"), H.text("x")],
                [H.text("b"), H.text("y")],
            ])
    }

    @Test("a full outer join keeps unmatched rows of both sides; nullKeysMatch pairs NULL keys")
    func joinFullOuter() throws {
        let full = try Join.run(
            kind: .fullOuter, left: detail, right: master, keys: [KeyPair("D", "M")], nullKeysMatch: false,
            settings: settings)
        #expect(full.rows.count == 4 + 1 + 2)
        #expect(full.rows[4] == [.null, H.text("n"), .null, .null])
        #expect(full.rows[5] == [.null, .null, H.int(2), H.text("z")])
        #expect(full.rows[6] == [.null, .null, .null, H.text("m")])
        let matching = try Join.run(
            kind: .inner, left: detail, right: master, keys: [KeyPair("D", "M")], nullKeysMatch: true,
            settings: settings)
        #expect(matching.rows.last == [.null, H.text("n"), .null, H.text("m")])
    }

    @Test("case-insensitive join keys match 'abc' with 'ABC'; trailing blanks stay significant")
    func joinCaseInsensitive() throws {
        let left = RowSet(columns: ["A"], rows: [[H.text("abc")], [H.text("abc ")]])
        let right = RowSet(columns: ["B"], rows: [[H.text("ABC")]])
        let insensitive = try Join.run(
            kind: .inner, left: left, right: right, keys: [KeyPair("A", "B")], nullKeysMatch: false,
            caseSensitive: false, settings: settings)
        let sensitive = try Join.run(
            kind: .inner, left: left, right: right, keys: [KeyPair("A", "B")], nullKeysMatch: false, settings: settings)
        #expect(insensitive.rows == [[H.text("abc"), H.text("ABC")]])
        #expect(sensitive.rows.isEmpty)
    }

    let table = RowSet(
        columns: ["K", "V"], rows: [[H.int(1), H.text("b")], [H.int(1), H.text("a")], [.null, H.text("n")]])

    func lookup(_ policy: MultipleMatchPolicy, nullKeysMatch: Bool = true) -> Lookup {
        Lookup(
            table: table, keys: [KeyPair("IN_K", "K")], returning: ["V"], policy: policy, nullKeysMatch: nullKeysMatch)
    }

    @Test("lookup policies: first/last by cache order, any = first (switch off: first read), all = every match")
    func lookupPolicies() throws {
        let key = [H.int(1)]
        #expect(try lookup(.first).returnedValues(for: key, settings) == [[H.text("a")]])
        #expect(try lookup(.last).returnedValues(for: key, settings) == [[H.text("b")]])
        #expect(try lookup(.any).returnedValues(for: key, settings) == [[H.text("a")]])
        var firstRead = settings
        firstRead.anyLookupValueIsFirstInCacheOrder = false
        #expect(try lookup(.any).returnedValues(for: key, firstRead) == [[H.text("b")]])
        #expect(try lookup(.all).returnedValues(for: key, settings) == [[H.text("b")], [H.text("a")]])
        #expect(try lookup(.error).returnedValues(for: [.null], settings) == [[H.text("n")]])
        #expect(H.errorCode { _ = try lookup(.error).returnedValues(for: key, settings) } == "RT0021")
    }

    @Test("no match gives NULL; an uncached-style lookup (nullKeysMatch off) does not match NULL")
    func lookupNoMatch() throws {
        let input = RowSet(columns: ["IN_K"], rows: [[H.int(9)], [.null]])
        let result = try lookup(.first, nullKeysMatch: false).run(input, settings: settings)
        #expect(result.columns == ["IN_K", "V"])
        #expect(result.rows == [[H.int(9), .null], [.null, .null]])
    }

    @Test("an unknown column is row error RT0020; names match case-insensitively")
    func unknownColumn() throws {
        #expect(try table.index(of: "v") == 1)
        #expect(H.errorCode { _ = try table.index(of: "NOPE") } == "RT0020")
        let codes = OperatorErrors.all.map(\.code)
        #expect(codes == codes.sorted() && Set(codes).count == codes.count)
        #expect(Set(codes).isDisjoint(with: EvaluationErrors.all.map(\.code)))
    }
}
