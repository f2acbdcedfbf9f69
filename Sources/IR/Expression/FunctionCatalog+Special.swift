extension FunctionCatalog {
    /// §3.4.6 special functions.
    static let specialFunctions: [FunctionEntry] = [
        FunctionEntry(
            "ABORT", .special, [FunctionSignature([.string], result: .unknown)], volatility: .nondeterministic,
            note: "stops the session; side effect, never folded or moved"),
        FunctionEntry(
            "CHOOSE", .special,
            [FunctionSignature([.integer], repeated: [.result], minimumRepetitions: 1, result: .firstResult)],
            note: "out of range → NULL [BELIEVED]"),
        FunctionEntry(
            "DECODE", .special,
            [
                FunctionSignature(
                    [.any], repeated: [.any, .result], minimumRepetitions: 1, trailing: [.optional(.result)],
                    result: .firstResult)
            ],
            note:
                "NULL matches NULL [S17]; result type: first result [BELIEVED], numeric results of greatest precision (TLR, chosen)"
        ),
        FunctionEntry(
            "ERROR", .special, [FunctionSignature([.string], result: .unknown)], volatility: .nondeterministic,
            note: "raises a row error; side effect, never folded or moved"),
        FunctionEntry(
            "GREATEST", .special,
            [FunctionSignature([], repeated: [.result], minimumRepetitions: 1, result: .firstResult)],
            note: "NULL if any argument is NULL [BELIEVED]; trailing CaseFlag not distinguished (chosen)"),
        FunctionEntry(
            "IIF", .special, [FunctionSignature([.condition, .result, .optional(.result)], result: .firstResult)],
            note: "else omitted → 0, '' or NULL by type [BELIEVED]; unified to the then type [BELIEVED]"),
        FunctionEntry(
            "IN", .special,
            [FunctionSignature([.any], repeated: [.any], minimumRepetitions: 1, result: .fixed(.integer))],
            note: "NULL value → NULL [BELIEVED]; trailing CaseFlag not distinguished (chosen)"),
        FunctionEntry(
            "INDEXOF", .special,
            [FunctionSignature([.any], repeated: [.any], minimumRepetitions: 1, result: .fixed(.integer))],
            note: "position of the first match, 0 if none [BELIEVED]"),
        FunctionEntry(
            "LEAST", .special,
            [FunctionSignature([], repeated: [.result], minimumRepetitions: 1, result: .firstResult)],
            note: "NULL if any argument is NULL [BELIEVED]"),
        FunctionEntry(
            "LOOKUP", .special,
            [FunctionSignature([.any], repeated: [.any, .any], minimumRepetitions: 1, result: .unknown)],
            supported: false, note: "deprecated in-expression lookup; unsupported"),
    ]

    /// §3.4.7 test functions (IS_DATE also appears in §3.4.3).
    static let testFunctions: [FunctionEntry] = [
        FunctionEntry(
            "IS_DATE", .test, [FunctionSignature([.string, .optional(.dateFormat)], result: .fixed(.integer))],
            note: "never raises an error [S27]"),
        FunctionEntry("IS_NUMBER", .test, [FunctionSignature([.string], result: .fixed(.integer))]),
        FunctionEntry(
            "IS_SPACES", .test, [FunctionSignature([.string], result: .fixed(.integer))], note: "'' → FALSE [S19]"),
        FunctionEntry(
            "ISNULL", .test, [FunctionSignature([.any], result: .fixed(.integer))], note: "'' is not NULL [BELIEVED]"),
    ]

    /// §3.4.8 variable functions: only in Expression, Filter, Router and Update Strategy [S30b].
    static let variableFunctions: [FunctionEntry] = [
        variable("SETCOUNTVARIABLE", [.mappingVariable], note: "+1 per insert row, -1 per delete [BELIEVED]"),
        variable("SETMAXVARIABLE", [.mappingVariable, .any], note: "NULL leaves the value unchanged [S30c]"),
        variable("SETMINVARIABLE", [.mappingVariable, .any], note: "NULL leaves the value unchanged [S30c]"),
        variable("SETVARIABLE", [.mappingVariable, .any], note: "NULL ignored [BELIEVED]"),
    ]

    private static func variable(_ name: String, _ parameters: [FunctionParameter], note: String) -> FunctionEntry {
        FunctionEntry(
            name, .variable, [FunctionSignature(parameters, result: .variableType(0))], volatility: .stateful,
            sites: CatalogTypes.variableSites, note: "acts on insert rows only [S30b]; " + note)
    }
}
