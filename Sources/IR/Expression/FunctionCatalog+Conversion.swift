extension FunctionCatalog {
    /// §3.4.2 conversion functions.
    static let conversionFunctions: [FunctionEntry] = [
        FunctionEntry(
            "TO_BIGINT", .conversion,
            [FunctionSignature([.numberText, .optional(.flag)], result: .fixed(.bigInteger))],
            note: "like TO_INTEGER, 64-bit"),
        FunctionEntry(
            "TO_CHAR", .conversion,
            [
                FunctionSignature([.date, .optional(.dateFormat)], result: .stringWithPrecisionOfArgument(0)),
                FunctionSignature([.numeric], result: .stringWithPrecisionOfArgument(0)),
                FunctionSignature([.string], result: .stringWithPrecisionOfArgument(0)),
            ],
            note: "date form uses the session format when none is given; number digits [uncertain]"),
        FunctionEntry(
            "TO_DATE", .conversion,
            [FunctionSignature([.string, .optional(.dateFormat)], result: .fixed(CatalogTypes.date))],
            note: "a mismatch is a row error, not NULL"),
        FunctionEntry(
            "TO_DECIMAL", .conversion,
            [FunctionSignature([.numberText, .optional(.integer)], result: .decimalWithScaleArgument(1))],
            note: "strings rounded to scale; decimals truncated in 10.5.x [S22]"),
        FunctionEntry("TO_FLOAT", .conversion, [FunctionSignature([.numberText], result: .fixed(.double))]),
        FunctionEntry(
            "TO_INTEGER", .conversion,
            [FunctionSignature([.numberText, .optional(.flag)], result: .fixed(.integer))],
            note: "flag omitted/0 rounds half away from zero, non-zero truncates [S21]"),
    ]

    /// §3.4.3 date functions (ROUND and TRUNC are listed with the numeric functions; IS_DATE with
    /// the test functions).
    static let dateFunctions: [FunctionEntry] = [
        FunctionEntry(
            "ADD_TO_DATE", .date,
            [FunctionSignature([.date, .datePart, .integer], result: .fixed(CatalogTypes.date))],
            note: "month/year arithmetic clamps to the month's last day; fractional amount [uncertain]"),
        FunctionEntry(
            "DATE_COMPARE", .date, [FunctionSignature([.date, .date], result: .fixed(.integer))],
            note: "-1, 0, 1 [BELIEVED]"),
        FunctionEntry(
            "DATE_DIFF", .date, [FunctionSignature([.date, .date, .datePart], result: .fixed(.double))],
            note: "fractional; months count partial months by days in that month [S24]"),
        FunctionEntry(
            "GET_DATE_PART", .date, [FunctionSignature([.date, .datePart], result: .fixed(.integer))],
            note: "D/DD/DDD/DY/DAY all mean day of month [BELIEVED]"),
        FunctionEntry(
            "LAST_DAY", .date, [FunctionSignature([.date], result: .fixed(CatalogTypes.date))],
            note: "time component preserved [BELIEVED]"),
        FunctionEntry(
            "MAKE_DATE_TIME", .date,
            [
                FunctionSignature(
                    [
                        .integer, .integer, .integer, .optional(.integer), .optional(.integer),
                        .optional(.integer), .optional(.integer),
                    ], result: .fixed(CatalogTypes.date))
            ],
            note: "9.x+ [BELIEVED]"),
        FunctionEntry(
            "SET_DATE_PART", .date,
            [FunctionSignature([.date, .datePart, .integer], result: .fixed(CatalogTypes.date))],
            note: "invalid resulting date → row error? [uncertain]"),
        FunctionEntry(
            "SYSTIMESTAMP", .date, [FunctionSignature([.optional(.integer)], result: .fixed(CatalogTypes.date))],
            volatility: .nondeterministic, note: "current timestamp [BELIEVED]"),
    ]
}
