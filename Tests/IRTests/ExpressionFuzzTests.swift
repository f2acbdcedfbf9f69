import IR
import Testing

/// Random token soups: the parser never crashes, every diagnostic is from the catalog and points
/// inside the text, and whatever parses cleanly survives the print → parse → print round trip.
@Suite("Expression fuzz")
struct ExpressionFuzzTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct SplitMix64 {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = [
        "a", "B1", "1", ".5", "1e3", "'s'", "''''", "NULL", "TRUE", "NOT", "AND", "OR", "+", "-", "*", "/", "%",
        "||", "<", "<=", "=", "<>", "!=", "^=", "(", ")", ",", "f(", "COUNT(", "IIF(", "$$P", "$t.Status",
        ":LKP.l(", "SYSDATE", "DD_INSERT", "--c\n", "//c\r", "\r\n", "@", "'x", "m.$$Q", "SYSTIMESTAMP(",
    ]

    @Test("10,000 random token sequences")
    func randomSequences() {
        var random = SplitMix64(state: 20_240_531)
        let codes = Set(ExpressionDiagnostics.all.map(\.code))
        var clean = 0
        for _ in 0..<10_000 {
            var text = ""
            for _ in 0..<(1 + random.next(14)) {
                text += Self.pieces[random.next(Self.pieces.count)]
                if random.next(3) > 0 { text += " " }
            }
            let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
            let lines = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
            for diagnostic in diagnostics {
                #expect(codes.contains(diagnostic.code), "\(text)")
                #expect((1...lines).contains(diagnostic.location.line), "\(text): \(diagnostic)")
                #expect(diagnostic.location.column >= 1, "\(text): \(diagnostic)")
            }
            guard diagnostics.isEmpty else { continue }
            clean += 1
            let printed = ExpressionPrinter.canonical(expression)
            let (reparsed, problems) = ExpressionParser.parse(ExpressionSource(printed))
            #expect(problems.isEmpty, "\(text) → \(printed)")
            #expect(reparsed.isStructurallyEqual(to: expression), "\(text) → \(printed)")
            #expect(ExpressionPrinter.canonical(reparsed) == printed, "\(text) → \(printed)")
        }
        // Enough clean samples for the round trip to mean something.
        #expect(clean > 300, "only \(clean) clean samples")
    }
}
