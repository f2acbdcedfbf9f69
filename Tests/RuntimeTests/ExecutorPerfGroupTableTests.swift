import Foundation
import Testing

@testable import Runtime

/// The hash tables that replaced `[[Value]: Int]` and `Set<[Value]>` in the aggregator and the
/// target: they must group exactly as those did.
@Suite struct ExecutorPerfGroupTableTests {
    @Test func groupsByTheKeyColumnsInOrderOfFirstAppearance() {
        var table = GroupTable(keyColumns: [2, 0], capacity: 1)
        let rows: [[Value]] = [
            [.string("a"), .integer(1), .integer(10)],
            [.string("b"), .integer(2), .integer(10)],
            [.string("a"), .integer(3), .integer(10)],
            [.string("a"), .integer(4), .integer(11)],
            [.null, .integer(5), .null],
            [.null, .integer(6), .null],
        ]
        let positions = rows.map { table.insert($0).position }
        #expect(positions == [0, 1, 0, 2, 3, 3])
        #expect(table.count == 4)
        #expect(table.find([.string("b"), .null, .integer(10)]) == 1)
        #expect(table.find([.string("c"), .null, .integer(10)]) == nil)
    }

    @Test func keepsEveryGroupWhenItGrows() {
        var table = GroupTable(keyColumns: [0], capacity: 1)
        for number in 0..<5_000 { #expect(table.insert([.string("k\(number)")]) == (number, true)) }
        for number in stride(from: 0, to: 5_000, by: 7) { #expect(table.find([.string("k\(number)")]) == number) }
    }

    @Test func comparesValuesAsDictionaryKeysDo() {
        // Decimal 1.0 equals 1.00 (as Value keys of a dictionary); the integer 1 is another key.
        var table = GroupTable(keyColumns: [0])
        #expect(table.insert([.decimal(Decimal(string: "1.0")!)]) == (0, true))
        #expect(table.insert([.decimal(Decimal(string: "1.00")!)]) == (0, false))
        #expect(table.insert([.integer(1)]) == (1, true))
        #expect(table.insert([.double(1)]) == (2, true))
    }

    @Test func writtenKeysTreatEqualNumbersAsOneKey() {
        var keys = WrittenKeys(keyColumns: [1])
        keys.insert([.string("x"), .decimal(Decimal(3))])
        #expect(keys.contains([.null, .integer(3)]))
        #expect(keys.contains([.null, .double(3)]))
        #expect(!keys.contains([.null, .integer(4)]))
        keys.remove([.null, .integer(3)])
        #expect(!keys.contains([.null, .decimal(Decimal(3))]))
        keys.insert([.null, .double(3)])
        #expect(keys.contains([.null, .integer(3)]))
    }
}
