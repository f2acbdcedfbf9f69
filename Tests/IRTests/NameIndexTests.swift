import Testing

@testable import IR

/// `NameIndex` answers as `String` equality does, in each of its three ways of finding names.
@Suite struct NameIndexTests {
    /// Every name's first position, and every lookup, worked out with `==` alone.
    func expectMatchesEquality(_ names: [String], lookingUp others: [String]) {
        let index = NameIndex(count: names.count) { names[$0] }
        for (position, first) in index.firsts.enumerated() {
            #expect(names[first] == names[position])
            #expect(!names[..<first].contains(names[position]))
        }
        #expect(index.hasRepeats == (Set(names).count != names.count))
        for wanted in names + others {
            #expect(index.first(wanted) { names[$0] } == names.firstIndex(of: wanted), "\(wanted)")
        }
    }

    @Test("many ASCII names, repeated, through the FNV-1a table")
    func manyASCIINames() {
        let names = (0..<500).map { "PORT_\($0 % 37)" } + ["PORT_1", "port_1"]
        expectMatchesEquality(names, lookingUp: ["PORT_37", "", "PORT_", "é", "PORT_1 "])
    }

    @Test("a name that is not ASCII: by String hashing, where é precomposed equals é decomposed")
    func namesThatAreNotASCII() {
        let names = (0..<20).map { "C\($0)" } + ["é", "C1", "e\u{301}"]
        expectMatchesEquality(names, lookingUp: ["e", "C20"])
        let index = NameIndex(count: names.count) { names[$0] }
        #expect(index.firsts[names.count - 1] == names.count - 3)
        #expect(index.first("e\u{301}") { names[$0] } == names.count - 3)
    }

    @Test("a few names, compared one by one")
    func fewNames() {
        expectMatchesEquality(["A", "B", "A", "é", "e\u{301}"], lookingUp: ["C", "a"])
        expectMatchesEquality([], lookingUp: ["A"])
    }

    @Test("an ASCII table asked for a name that is not ASCII: none, or the ASCII name it is canonically equal to")
    func asciiTableAndOtherQuery() {
        let names = (0..<40).map { "N\($0)" } + ["KEY", "A;B"]
        let index = NameIndex(count: names.count) { names[$0] }
        #expect(index.first("Né") { names[$0] } == nil)
        #expect(index.first("N39") { names[$0] } == 39)
        #expect(!index.hasRepeats)
        // U+212A KELVIN SIGN and U+037E GREEK QUESTION MARK are canonically K and `;`.
        #expect("\u{212A}EY" == "KEY")
        #expect(index.first("\u{212A}EY") { names[$0] } == 40)
        #expect(index.first("A\u{37E}B") { names[$0] } == 41)
        expectMatchesEquality(names, lookingUp: ["\u{212A}EY", "A\u{37E}B", "\u{212A}"])
    }
}
