import Testing

@testable import IR

/// Type checking of built expressions; expectations computed by hand from reference §3.3/§3.4
/// and the rules documented in TypeRules.
@Suite struct ExpressionTypeTests {
    typealias T = TypeTest
    static let hp = TypeTest.environment(highPrecision: true)
    static let condition = T.bin(.greater, T.ref("I"), T.num("0"))

    @Test func literalsAndReferences() {
        #expect(T.type(T.num("10")) == .integer)
        #expect(T.type(T.num("3000000000")) == .bigInteger)
        #expect(T.type(T.num("10.50")) == .decimal(precision: 4, scale: 2))
        #expect(T.type(T.num("1e3")) == .double)
        #expect(T.type(T.num("123456789012345678901234")) == .double)
        #expect(T.type(T.num("123456789012345678901234"), Self.hp) == .decimal(precision: 24, scale: 0))
        #expect(T.type(T.str("abc")) == .string(precision: 3))
        #expect(T.type(T.null) == nil)
        #expect(T.type(T.ref("name")) == .string(precision: 20))
        #expect(T.type(T.ref("D20")) == .double)
        #expect(T.type(T.ref("D20"), Self.hp) == .decimal(precision: 20, scale: 4))
        #expect(T.type(T.par("$PMRootDir")) == .string(precision: 256))
        #expect(T.codes(T.par("$PMRootDir")).isEmpty)
        let env = T.environment(parameters: ["$$LOAD_DATE": .dateTime(precision: 29, scale: 9)])
        #expect(T.type(T.par("mplt.$$load_date"), env) == .dateTime(precision: 29, scale: 9))
    }

    @Test func arithmeticPromotion() {
        #expect(T.type(T.bin(.add, T.ref("I"), T.ref("I"))) == .integer)
        #expect(T.type(T.bin(.multiply, T.ref("I"), T.ref("S"))) == .integer)
        #expect(T.type(T.bin(.subtract, T.ref("I"), T.ref("B"))) == .bigInteger)
        #expect(T.type(T.bin(.modulo, T.ref("I"), T.ref("I"))) == .integer)
        #expect(T.type(T.bin(.divide, T.ref("I"), T.ref("I"))) == .double)
        #expect(T.type(T.bin(.divide, T.ref("I"), T.ref("I")), Self.hp) == .decimal(precision: 21, scale: 11))
        #expect(T.type(T.bin(.add, T.ref("D102"), T.ref("D53"))) == .double)
        #expect(T.type(T.bin(.add, T.ref("D102"), T.ref("D53")), Self.hp) == .decimal(precision: 12, scale: 3))
        #expect(T.type(T.bin(.multiply, T.ref("I"), T.ref("D102")), Self.hp) == .decimal(precision: 20, scale: 2))
        #expect(T.type(T.bin(.add, T.ref("F"), T.ref("D102")), Self.hp) == .double)
        #expect(T.type(T.bin(.add, T.ref("I"), T.null)) == .integer)
    }

    @Test func stringsInNumericContextAreReadAsDoubleWithANote() {
        let (typed, diagnostics) = T.check(T.bin(.add, T.ref("NAME"), T.num("1")))
        #expect(typed.type == .double)
        #expect(diagnostics.map(\.code.rawValue) == ["IR0170"])
        #expect(diagnostics.first?.severity == .note)
        #expect(T.codes(T.bin(.add, T.str("5"), T.num("1"))).isEmpty)
        #expect(T.codes(T.bin(.equal, T.ref("CODE"), T.num("5"))) == ["IR0170"])
        #expect(T.codes(T.bin(.and, T.ref("I"), T.ref("NAME"))) == ["IR0170"])
    }

    @Test func concatenationRendersNumbersAndDates() {
        #expect(T.type(T.bin(.concat, T.ref("NAME"), T.ref("I"))) == .string(precision: 31))
        #expect(T.type(T.bin(.concat, T.ref("CODE"), T.ref("DT"))) == .string(precision: 34))
        #expect(T.type(T.bin(.concat, T.null, T.ref("CODE"))) == .string(precision: 5))
        #expect(T.codes(T.bin(.concat, T.ref("RAW"), T.ref("CODE"))) == ["IR0153"])
    }

    @Test func dateArithmeticAndMixedComparisons() {
        #expect(T.codes(T.bin(.add, T.ref("DT"), T.num("1"))) == ["IR0154"])
        #expect(T.codes(T.bin(.subtract, T.ref("DT"), T.ref("DT"))) == ["IR0154"])
        #expect(T.codes(T.bin(.multiply, T.ref("DT"), T.num("2"))) == ["IR0153"])
        #expect(T.codes(T.bin(.greater, T.ref("DT"), T.ref("I"))) == ["IR0153"])
        #expect(T.codes(T.bin(.equal, T.ref("DT"), T.str("01/01/2020"))).isEmpty)
        #expect(T.type(T.bin(.less, T.ref("NAME"), T.ref("CODE"))) == .integer)
        #expect(T.codes(T.not(T.ref("DT"))) == ["IR0153"])
        #expect(T.type(T.not(T.ref("I"))) == .integer)
    }

    @Test func iifAndDecodeUnification() {
        let iif = { (a: Expr, b: Expr) in T.call("IIF", Self.condition, a, b) }
        #expect(T.type(iif(T.num("1"), T.num(".3333"))) == .decimal(precision: 14, scale: 4))
        #expect(T.type(iif(T.ref("CODE"), T.ref("NAME"))) == .string(precision: 20))
        #expect(T.type(iif(T.null, T.ref("CODE"))) == .string(precision: 5))
        #expect(T.type(iif(T.ref("I"), T.ref("F"))) == .double)
        #expect(T.type(T.call("IIF", Self.condition, T.ref("NAME"))) == .string(precision: 20))
        // A number after a string result is converted (BELIEVED §3.4.6; IR0152 under resultFamiliesMustMatch).
        #expect(T.codes(iif(T.str("A"), T.num("1"))) == ["IR0172"])
        #expect(T.type(iif(T.str("A"), T.num("1"))) == .string(precision: 1))
        let decode = T.call("DECODE", T.ref("I"), T.num("1"), T.str("one"), T.num("2"), T.str("two"), T.str("many"))
        #expect(T.type(decode) == .string(precision: 4))
        let numeric = T.call("DECODE", T.ref("CODE"), T.str("A"), T.num("1"), T.str("B"), T.num("2.5"))
        #expect(T.type(numeric) == .decimal(precision: 11, scale: 1))
        let withError = T.call("DECODE", T.ref("I"), T.num("1"), T.call("ERROR", T.str("x")), T.ref("F"))
        #expect(T.type(withError) == .double)
        #expect(T.type(T.call("CHOOSE", T.num("1"), T.str("a"), T.str("bb"))) == .string(precision: 2))
        #expect(T.type(T.call("GREATEST", T.ref("I"), T.ref("B"))) == .bigInteger)
    }

    @Test func aggregatesWithFilterAndNesting() {
        let agg = T.environment(site: .aggregator)
        #expect(T.type(T.call("SUM", T.ref("D102")), agg) == .decimal(precision: 10, scale: 2))
        #expect(T.check(T.call("SUM", T.ref("I"), Self.condition), agg).diagnostics.isEmpty)
        #expect(T.type(T.call("SUM", T.ref("I"), Self.condition), agg) == .integer)
        #expect(T.type(T.call("AVG", T.ref("I")), agg) == .double)
        #expect(T.type(T.call("COUNT", T.star), agg) == .integer)
        #expect(T.codes(T.call("COUNT", T.star), agg).isEmpty)
        #expect(T.type(T.call("MAX", T.ref("DT")), T.environment(site: .rank)) == .dateTime(precision: 29, scale: 9))
        #expect(T.codes(T.call("MAX", T.call("COUNT", T.ref("I"))), agg).isEmpty)
        #expect(T.codes(T.call("SUM", T.call("MAX", T.call("COUNT", T.ref("I")))), agg) == ["IR0161"])
        #expect(T.codes(T.call("SUM", T.ref("I"))) == ["IR0160"])
        #expect(T.codes(T.call("SUM", T.ref("I"), T.ref("DT")), agg) == ["IR0152"])
        #expect(T.codes(T.call("UPPER", T.star)) == ["IR0152"])
    }

    @Test func variableFunctions() {
        let parameters: [String: DataType] = ["$$V": .integer]
        let call = T.call("SETVARIABLE", T.par("$$V"), T.ref("I"))
        #expect(T.type(call, T.environment(parameters: parameters)) == .integer)
        #expect(T.codes(call, T.environment(site: .filter, parameters: parameters)).isEmpty)
        #expect(T.codes(call, T.environment(site: .aggregator, parameters: parameters)) == ["IR0162"])
        #expect(T.codes(T.call("SETVARIABLE", T.ref("I"), T.num("1"))) == ["IR0152"])
        #expect(T.codes(T.call("SETCOUNTVARIABLE", T.par("$$NOPE"))) == ["IR0156"])
    }

    @Test func workflowConditions() {
        let status = Expr(.taskVariable(task: "s_load", attribute: "Status"), range: T.none)
        let condition = T.bin(.equal, status, T.ref("SUCCEEDED"))
        let workflow = TypeEnvironment(tasks: ["S_LOAD"], site: .workflow)
        let (typed, diagnostics) = T.check(condition, workflow)
        #expect(typed.type == .integer)
        #expect(diagnostics.isEmpty)
        #expect(T.codes(condition) == ["IR0159", "IR0155"])
        let start = Expr(.taskVariable(task: "s_load", attribute: "StartTime"), range: T.none)
        #expect(T.type(start, workflow) == .dateTime(precision: 29, scale: 9))
        #expect(T.codes(Expr(.taskVariable(task: "s_load", attribute: "Bogus"), range: T.none), workflow) == ["IR0159"])
        #expect(
            T.codes(Expr(.taskVariable(task: "s_other", attribute: "Status"), range: T.none), workflow) == ["IR0159"])
    }

    @Test func arityAndArgumentTypesPerCategory() {
        #expect(
            T.check(T.call("SUBSTR", T.ref("NAME"))).diagnostics.first?.message
                == "'SUBSTR' takes 2 to 3 arguments, not 1")
        #expect(
            T.check(T.call("DECODE", T.ref("I"), T.num("1"))).diagnostics.first?.message
                == "'DECODE' takes 3 or more arguments, not 2")
        let cases: [(Expr, [String])] = [
            (T.call("UPPER", T.ref("RAW")), ["IR0152"]),  // character
            (T.call("TO_INTEGER", T.ref("DT")), ["IR0152"]),  // conversion
            (T.call("ADD_TO_DATE", T.ref("I"), T.str("DD"), T.num("1")), ["IR0152"]),  // date
            (T.call("ADD_TO_DATE", T.ref("DT"), T.str("XX"), T.num("1")), ["IR0163"]),
            (T.call("ABS", T.ref("DT")), ["IR0152"]),  // numeric
            (T.call("ROUND", T.ref("DT"), T.num("2")), ["IR0152"]),
            (T.call("SIN", T.ref("DT")), ["IR0152"]),  // scientific
            (T.call("SIN", T.ref("NAME")), ["IR0170"]),
            (T.call("IS_SPACES", T.ref("RAW")), ["IR0152"]),  // test
            (T.call("PMT", T.ref("DT"), T.ref("I"), T.ref("D102")), ["IR0152"]),  // financial
            (T.call("MD5", T.ref("I")), ["IR0152"]),  // encoding
            (T.call("LOOKUP", T.ref("I"), T.ref("I"), T.num("1")), ["IR0164"]),  // special
            (T.call("ISNULL", T.ref("RAW")), []),
        ]
        for (expression, codes) in cases {
            #expect(T.codes(expression) == codes, "\(expression.kind)")
        }
    }

    @Test func functionResultTypes() {
        let cases: [(Expr, DataType?)] = [
            (T.call("TO_CHAR", T.ref("DT")), .string(precision: 29)),
            (T.call("TO_CHAR", T.ref("D102")), .string(precision: 12)),
            (T.call("TO_CHAR", T.ref("NAME")), .string(precision: 20)),
            (T.call("LPAD", T.ref("CODE"), T.num("10"), T.str("0")), .string(precision: 10)),
            (T.call("CONCAT", T.ref("NAME"), T.ref("CODE")), .string(precision: 25)),
            (T.call("TO_DECIMAL", T.ref("NAME"), T.num("2")), .double),
            (T.call("ROUND", T.ref("DT"), T.str("MM")), .dateTime(precision: 29, scale: 9)),
            (T.call("ROUND", T.ref("D102"), T.num("1")), .decimal(precision: 10, scale: 2)),
            (T.call("DATE_DIFF", T.ref("DT"), T.ref("DT"), T.str("mm")), .double),
            (T.call("IN", T.ref("I"), T.num("1"), T.num("2")), .integer),
            (T.call("MD5", T.ref("NAME")), .string(precision: 32)),
            (T.call("UUID4"), .binary(precision: 16)),
            (T.call("PMT", T.ref("F"), T.ref("I"), T.ref("D102")), .double),
            (T.call("SUBSTR", T.ref("NAME"), T.num("1"), T.num("3")), .string(precision: 20)),
        ]
        for (expression, type) in cases {
            #expect(T.type(expression) == type, "\(expression.kind)")
        }
        #expect(T.type(T.call("TO_DECIMAL", T.ref("NAME"), T.num("2")), Self.hp) == .decimal(precision: 28, scale: 2))
    }

    @Test func unknownFunctionsSuggestReplacements() {
        let nvl = T.check(T.call("NVL", T.ref("NAME"), T.str("x"))).diagnostics
        #expect(nvl.map(\.code.rawValue) == ["IR0150"])
        #expect(nvl.first?.fix?.contains("IIF(ISNULL(x), y, x)") == true)
        let substring = T.check(T.call("SUBSTRING", T.ref("NAME"), T.num("1"))).diagnostics
        #expect(
            substring.first?.message
                == "'SUBSTRING' is not a function of the transformation language; did you mean 'SUBSTR'?")
    }

    @Test func externalCalls() {
        let env = TypeEnvironment(
            ports: T.ports,
            lookups: ["LKP_X": CallableSignature(argumentTypes: [.integer], returnType: .string(precision: 10))],
            userFunctions: ["F": CallableSignature(argumentTypes: [.string(precision: 5)], returnType: .integer)])
        let lookup = Expr(.external(.lookup, name: "lkp_x", arguments: [T.ref("I")]), range: T.none)
        #expect(T.type(lookup, env) == .string(precision: 10))
        #expect(T.codes(lookup, env).isEmpty)
        #expect(
            T.codes(Expr(.external(.lookup, name: "LKP_X", arguments: [T.ref("DT")]), range: T.none), env) == ["IR0152"]
        )
        #expect(T.codes(Expr(.external(.lookup, name: "LKP_X", arguments: []), range: T.none), env) == ["IR0151"])
        #expect(
            T.type(Expr(.external(.userFunction, name: "F", arguments: [T.ref("NAME")]), range: T.none), env)
                == .integer)
        let procedure = Expr(
            .external(.storedProcedure, name: "P", arguments: [T.ref("I"), T.ref("PROC_RESULT")]), range: T.none)
        #expect(T.codes(procedure, env) == ["IR0171"])
    }

    /// Reference §2.6: an unconnected lookup "returns the single port flagged RETURN"; one without
    /// such a port exists but its call has no value (IR0165), unlike a name that is no lookup (IR0157).
    @Test func lookupWithoutReturnPortIsReportedAsSuch() {
        let env = TypeEnvironment(ports: T.ports, lookupsWithoutReturn: ["LKP_NoReturn"])
        let call = Expr(.external(.lookup, name: "lkp_noreturn", arguments: [T.ref("I")]), range: T.none)
        let diagnostics = T.check(call, env).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["IR0165"])
        #expect(
            diagnostics.first?.message
                == "unconnected lookup ':LKP.lkp_noreturn' has no port flagged RETURN, so the call has no value")
        #expect(T.type(call, env) == nil)
        #expect(T.codes(Expr(.external(.lookup, name: "OTHER", arguments: []), range: T.none), env) == ["IR0157"])
    }

    /// A string or binary port of precision 0 is unbounded (a user function's `nstring` return type
    /// without a precision): nothing converts to it with truncation; a bounded port still truncates.
    @Test func precisionZeroStringPortIsUnbounded() {
        #expect(
            ExpressionTypeChecker.conversion(from: .string(precision: 300), to: .nstring(precision: 0)) == .widening)
        #expect(ExpressionTypeChecker.conversion(from: .integer, to: .string(precision: 0)) == .widening)
        #expect(ExpressionTypeChecker.conversion(from: .binary(precision: 9), to: .binary(precision: 0)) == .widening)
        #expect(
            ExpressionTypeChecker.conversion(from: .string(precision: 300), to: .string(precision: 10)) == .truncation)
        // integer renders in up to 11 characters ('-2147483648').
        #expect(ExpressionTypeChecker.conversion(from: .integer, to: .string(precision: 10)) == .truncation)
        #expect(T.codes(T.ref("NAME"), port: .nstring(precision: 0)).isEmpty)
    }
}
