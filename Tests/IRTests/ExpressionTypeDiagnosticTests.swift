import Testing

@testable import IR

/// Every type-checker diagnostic, triggered once from parsed text, with its location.
@Suite struct ExpressionTypeDiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var text: String
        var site: ExpressionSite = .expression
        var port: DataType? = nil
        var line = 1
        var column: Int
        var testDescription: String { "\(code) \(text)" }
    }

    static let cases: [Case] = [
        Case(code: "IR0150", text: "NVL(NAME, 'x')", column: 1),
        Case(code: "IR0151", text: "UPPER(NAME, 1)", column: 1),
        Case(code: "IR0152", text: "UPPER(RAW)", column: 7),
        Case(code: "IR0153", text: "2 * DT", column: 5),
        Case(code: "IR0154", text: "  DT + 1", column: 3),
        Case(code: "IR0155", text: "I + NOPE", column: 5),
        Case(code: "IR0156", text: "1 + $$NOPE", column: 5),
        Case(code: "IR0157", text: ":LKP.NOPE(I)", column: 1),
        Case(code: "IR0158", text: ":UDF.NOPE(I)", column: 1),
        Case(code: "IR0159", text: "$s_load.Status = 1", column: 1),
        Case(code: "IR0160", text: "I +\n  SUM(I)", line: 2, column: 3),
        Case(code: "IR0161", text: "SUM(MAX(COUNT(I)))", site: .aggregator, column: 9),
        Case(code: "IR0162", text: "SETVARIABLE($$V, I)", site: .aggregator, column: 1),
        Case(code: "IR0163", text: "ADD_TO_DATE(DT, 'XX', 1)", column: 17),
        Case(code: "IR0164", text: "LOOKUP(I, I, 1)", column: 1),
        Case(code: "IR0165", text: "I + :LKP.lkp_noreturn(I)", column: 5),
        Case(code: "IR0170", text: "1 + NAME", column: 5),
        Case(code: "IR0171", text: ":SP.PROC(I, PROC_RESULT)", column: 1),
        Case(code: "IR0172", text: "IIF(I > 1, I, NAME)", column: 15),
        Case(code: "IR0180", text: "DT", port: .integer, column: 1),
        Case(code: "IR0181", text: "NAME", port: .string(precision: 5), column: 1),
    ]

    @Test(arguments: cases)
    func triggeredOnceAtItsPlace(_ c: Case) {
        let env = TypeTest.environment(site: c.site, parameters: ["$$V": .integer])
        let diagnostics = TypeTest.checkText(c.text, env, port: c.port).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == [c.code])
        let location = diagnostics.first?.location
        #expect(location == SourceLocation(file: "<expression>", line: c.line, column: c.column))
        #expect(diagnostics.first?.path.description == "PORT[o_x]")
        #expect(diagnostics.first?.fix?.isEmpty == false)
    }

    @Test func everyCodeIsCovered() {
        #expect(Set(Self.cases.map(\.code)) == Set(TypeDiagnostics.all.map(\.code.rawValue)))
    }

    @Test func elementLocationWithExpressionPositionNote() {
        let element = SourceLocation(file: "m.xml", line: 40, column: 7)
        let text = "IIF(I > 0,\n  NVL(NAME, 'x'), NAME)"
        let diagnostics = TypeTest.checkText(text, location: element).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["IR0150"])
        #expect(diagnostics.first?.location == element)
        #expect(diagnostics.first?.notes.first == "at line 2, column 3 of the expression")
    }

    @Test func catalogIsSortedUniqueAndInRange() {
        let codes = TypeDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0 >= "IR0150" && $0 <= "IR0199" })
        let others = Set((ExpressionDiagnostics.all + IRDiagnostics.all).map(\.code.rawValue))
        #expect(others.isDisjoint(with: codes))
        #expect(TypeDiagnostics.all.allSatisfy { $0.summary.first?.isLowercase == true && $0.summary.last != "." })
    }
}
