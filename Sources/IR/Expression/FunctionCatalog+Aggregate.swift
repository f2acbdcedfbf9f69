extension FunctionCatalog {
    private static func aggregate(
        _ name: String, _ leading: [FunctionParameter], _ result: ResultRule, note: String = ""
    ) -> FunctionEntry {
        FunctionEntry(
            name, .aggregate, [FunctionSignature(leading + [.optional(.condition)], result: result)],
            aggregate: true, nesting: true, volatility: .stateful, sites: CatalogTypes.aggregateSites,
            note: "optional filter condition last [BELIEVED]; one nesting level [S14c]"
                + (note.isEmpty ? "" : "; " + note))
    }

    /// §3.4.9 aggregate functions: each takes an optional trailing filter condition.
    static let aggregateFunctions: [FunctionEntry] = [
        aggregate("AVG", [.numeric], .fixed(.double), note: "result double (chosen)"),
        aggregate("COUNT", [.any], .fixed(.integer), note: "COUNT(*) counts rows"),
        aggregate("FIRST", [.any], .sameAsArgument(0), note: "NULLs skipped [BELIEVED]"),
        aggregate("LAST", [.any], .sameAsArgument(0), note: "NULLs skipped [BELIEVED]"),
        aggregate("MAX", [.any], .sameAsArgument(0)),
        aggregate("MEDIAN", [.numeric], .fixed(.double), note: "even count → mean of the middle two [BELIEVED]"),
        aggregate("MIN", [.any], .sameAsArgument(0)),
        aggregate("PERCENTILE", [.numeric, .numeric], .fixed(.double), note: "interpolation [uncertain]"),
        aggregate("STDDEV", [.numeric], .fixed(.double), note: "sample (n-1) [BELIEVED]"),
        aggregate("SUM", [.numeric], .numericPromotion, note: "all NULL → NULL [BELIEVED]"),
        aggregate("VARIANCE", [.numeric], .fixed(.double), note: "sample (n-1) [BELIEVED]"),
    ]

    /// §3.4.11 encoding and miscellaneous functions (9.x+; rarely used).
    static let encodingFunctions: [FunctionEntry] = [
        FunctionEntry(
            "AES_DECRYPT", .encoding, [FunctionSignature([.bytes, .string], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "AES_ENCRYPT", .encoding, [FunctionSignature([.bytes, .string], result: .binaryWithPrecisionOfArgument(0))]),
        FunctionEntry("COMPRESS", .encoding, [FunctionSignature([.bytes], result: .binaryWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "CRC32", .encoding, [FunctionSignature([.bytes], result: .fixed(.bigInteger))],
            note: "unsigned 32-bit value, typed bigint (chosen)"),
        FunctionEntry(
            "CREATE_TIMESTAMP_TZ", .encoding, [FunctionSignature([.date, .string], result: .fixed(CatalogTypes.date))],
            note: "time-zone timestamps typed date/time (chosen)"),
        FunctionEntry(
            "DECODE_BASE64", .encoding, [FunctionSignature([.bytes], result: .binaryWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "DECOMPRESS", .encoding,
            [FunctionSignature([.bytes, .optional(.integer)], result: .binaryWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "ENCODE_BASE64", .encoding, [FunctionSignature([.bytes], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "GET_TIMESTAMP", .encoding, [FunctionSignature([.date], result: .fixed(CatalogTypes.date))],
            note: "time-zone timestamps typed date/time (chosen)"),
        FunctionEntry("MD5", .encoding, [FunctionSignature([.bytes], result: .stringOfPrecision(32))]),
        FunctionEntry(
            "UUID4", .encoding, [FunctionSignature([], result: .fixed(.binary(precision: 16)))],
            volatility: .nondeterministic,
            note: "16 random bytes (chosen)"),
        FunctionEntry("UUID_UNPARSE", .encoding, [FunctionSignature([.bytes], result: .stringOfPrecision(36))]),
    ]
}
