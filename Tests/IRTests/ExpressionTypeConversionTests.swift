import Testing

@testable import IR

/// `ExpressionTypeChecker.conversion(from:to:)` and the port-result check, by hand.
@Suite struct ExpressionTypeConversionTests {
    @Test func conversionKinds() {
        let cases: [(DataType, DataType, ConversionKind)] = [
            (.integer, .integer, .exact),
            (.smallInteger, .integer, .widening),
            (.bigInteger, .integer, .narrowingWithRounding),
            (.integer, .decimal(precision: 10, scale: 0), .widening),
            (.integer, .decimal(precision: 5, scale: 0), .narrowingWithRounding),
            (.decimal(precision: 10, scale: 2), .decimal(precision: 10, scale: 1), .narrowingWithRounding),
            (.decimal(precision: 10, scale: 2), .decimal(precision: 12, scale: 3), .widening),
            (.decimal(precision: 12, scale: 2), .double, .widening),
            (.decimal(precision: 16, scale: 2), .double, .narrowingWithRounding),
            (.double, .integer, .narrowingWithRounding),
            (.real, .double, .widening),
            (.string(precision: 20), .string(precision: 10), .truncation),
            (.string(precision: 10), .string(precision: 20), .widening),
            (.string(precision: 10), .integer, .stringToNumberPrefix),
            (.string(precision: 10), .dateTime(precision: 29, scale: 9), .stringToDate),
            (.integer, .string(precision: 11), .widening),
            (.integer, .string(precision: 5), .truncation),
            (.dateTime(precision: 29, scale: 9), .dateTime(precision: 19, scale: 0), .truncation),
            (.dateTime(precision: 29, scale: 9), .integer, .error),
            (.integer, .dateTime(precision: 29, scale: 9), .error),
            (.binary(precision: 8), .string(precision: 8), .error),
        ]
        for (from, to, kind) in cases {
            #expect(ExpressionTypeChecker.conversion(from: from, to: to) == kind, "\(from) → \(to)")
        }
    }

    @Test func resultIsConvertedToThePortType() {
        #expect(TypeTest.codes(TypeTest.ref("DT"), port: .integer) == ["IR0180"])
        let narrowed = TypeTest.check(TypeTest.ref("NAME"), port: .string(precision: 5)).diagnostics
        #expect(narrowed.map(\.code.rawValue) == ["IR0181"])
        #expect(narrowed.first?.severity == .note)
        #expect(TypeTest.codes(TypeTest.ref("I"), port: .decimal(precision: 12, scale: 2)).isEmpty)
        #expect(TypeTest.codes(TypeTest.ref("NAME"), port: .integer) == ["IR0170"])
        #expect(TypeTest.codes(TypeTest.null, port: .integer).isEmpty)
        // A decimal(20,4) port holds a double with high precision off: passing it through is exact.
        #expect(TypeTest.codes(TypeTest.ref("D20"), port: .decimal(precision: 20, scale: 4)).isEmpty)
        #expect(TypeTest.codes(TypeTest.ref("F"), port: .decimal(precision: 10, scale: 2)) == ["IR0181"])
    }
}
