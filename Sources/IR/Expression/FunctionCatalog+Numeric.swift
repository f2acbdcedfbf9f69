extension FunctionCatalog {
    private static func math(_ name: String, _ category: FunctionCategory, note: String = "") -> FunctionEntry {
        FunctionEntry(name, category, [FunctionSignature([.numeric], result: .fixed(.double))], note: note)
    }

    /// §3.4.4 numeric functions, with the date forms of ROUND and TRUNC (§3.4.3).
    static let numericFunctions: [FunctionEntry] = [
        FunctionEntry("ABS", .numeric, [FunctionSignature([.numeric], result: .numericPromotion)]),
        FunctionEntry(
            "CEIL", .numeric, [FunctionSignature([.numeric], result: .numericPromotion)],
            note: "integer-valued number of the same type"),
        FunctionEntry(
            "CUME", .numeric, [FunctionSignature([.numeric, .optional(.condition)], result: .numericPromotion)],
            volatility: .stateful, note: "running total; NULLs ignored [BELIEVED]"),
        math("EXP", .numeric),
        FunctionEntry("FLOOR", .numeric, [FunctionSignature([.numeric], result: .numericPromotion)]),
        math("LN", .numeric, note: "argument ≤ 0 → row error [BELIEVED]"),
        FunctionEntry(
            "LOG", .numeric, [FunctionSignature([.numeric, .numeric], result: .fixed(.double))],
            note: "LOG(base, n); invalid arguments → row error [BELIEVED]"),
        FunctionEntry(
            "MOD", .numeric, [FunctionSignature([.numeric, .numeric], result: .numericPromotion)],
            note: "sign of the dividend [BELIEVED]; divisor 0 → row error [S29]"),
        FunctionEntry(
            "MOVINGAVG", .numeric,
            [FunctionSignature([.numeric, .integer, .optional(.condition)], result: .fixed(.double))],
            volatility: .stateful, note: "NULL until rowset rows were seen [BELIEVED]"),
        FunctionEntry(
            "MOVINGSUM", .numeric,
            [FunctionSignature([.numeric, .integer, .optional(.condition)], result: .numericPromotion)],
            volatility: .stateful, note: "NULL until rowset rows were seen [BELIEVED]"),
        FunctionEntry(
            "POWER", .numeric, [FunctionSignature([.numeric, .numeric], result: .fixed(.double))]),
        FunctionEntry(
            "RAND", .numeric, [FunctionSignature([.optional(.integer)], result: .fixed(.double))],
            volatility: .nondeterministic, note: "pseudo-random 0..1; seed optional (chosen)"),
        FunctionEntry(
            "ROUND", .numeric,
            [
                FunctionSignature([.date, .optional(.datePart)], result: .fixed(CatalogTypes.date)),
                FunctionSignature([.numeric, .optional(.integer)], result: .sameAsArgument(0)),
            ],
            note: "numbers: half away from zero [BELIEVED]; dates: default unit day [BELIEVED]"),
        FunctionEntry(
            "SIGN", .numeric, [FunctionSignature([.numeric], result: .fixed(.integer))], note: "-1, 0, 1"),
        math("SQRT", .numeric, note: "negative → row error [BELIEVED]"),
        FunctionEntry(
            "TRUNC", .numeric,
            [
                FunctionSignature([.date, .optional(.datePart)], result: .fixed(CatalogTypes.date)),
                FunctionSignature([.numeric, .optional(.integer)], result: .sameAsArgument(0)),
            ],
            note: "numbers: toward zero; dates: default unit day [BELIEVED]"),
    ]

    /// §3.4.5 scientific functions (radians).
    static let scientificFunctions: [FunctionEntry] = ["COS", "COSH", "SIN", "SINH", "TAN", "TANH"].map {
        math($0, .scientific)
    }

    /// §3.4.10 financial functions.
    static let financialFunctions: [FunctionEntry] = [
        financial("FV", "FV(rate, terms, payment [, present [, type]])"),
        financial("NPER", "NPER(rate, present, payment [, future [, type]])"),
        financial("PMT", "PMT(rate, terms, present [, future [, type]])"),
        financial("PV", "PV(rate, terms, payment [, future [, type]])"),
        financial("RATE", "RATE(terms, payment, present [, future [, type]])"),
    ]

    private static func financial(_ name: String, _ shape: String) -> FunctionEntry {
        FunctionEntry(
            name, .financial,
            [
                FunctionSignature(
                    [.numeric, .numeric, .numeric, .optional(.numeric), .optional(.flag)], result: .fixed(.double))
            ],
            note: "\(shape); type 0 = end of period, 1 = beginning [BELIEVED]")
    }
}
