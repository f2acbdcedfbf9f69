extension FunctionCatalog {
    /// §3.4.1 character functions.
    static let characterFunctions: [FunctionEntry] = [
        FunctionEntry(
            "ASCII", .character, [FunctionSignature([.string], result: .fixed(.integer))],
            note: "code of the first character; '' → NULL? [uncertain]"),
        FunctionEntry("CHR", .character, [FunctionSignature([.integer], result: .stringOfPrecision(1))]),
        FunctionEntry("CHRCODE", .character, [FunctionSignature([.string], result: .fixed(.integer))]),
        FunctionEntry(
            "CONCAT", .character, [FunctionSignature([.string, .string], result: .concatenation)],
            note: "a NULL argument is ignored; both NULL → NULL [BELIEVED]"),
        FunctionEntry(
            "INITCAP", .character, [FunctionSignature([.string], result: .stringWithPrecisionOfArgument(0))],
            note: "words delimited by any non-alphanumeric character [BELIEVED]"),
        FunctionEntry(
            "INSTR", .character,
            [
                FunctionSignature(
                    [.string, .string, .optional(.integer), .optional(.integer), .optional(.flag)],
                    result: .fixed(.integer))
            ],
            note: "start 0 is 1; negative start searches right-to-left [direction BELIEVED]"),
        FunctionEntry(
            "LENGTH", .character, [FunctionSignature([.string], result: .fixed(.integer))],
            note: "LENGTH('') = 0, LENGTH(NULL) = NULL [BELIEVED]"),
        FunctionEntry("LOWER", .character, [FunctionSignature([.string], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "LPAD", .character,
            [FunctionSignature([.string, .integer, .optional(.string)], result: .padded(lengthArgument: 1))],
            note: "a longer string is truncated to len [BELIEVED]"),
        FunctionEntry(
            "LTRIM", .character,
            [FunctionSignature([.string, .optional(.string)], result: .stringWithPrecisionOfArgument(0))],
            note: "trim_set is a character set; default blanks only, not tabs [BELIEVED]"),
        FunctionEntry(
            "METAPHONE", .character,
            [FunctionSignature([.string, .optional(.integer)], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "REG_EXTRACT", .character,
            [
                FunctionSignature(
                    [.string, .string, .optional(.integer)], result: .stringWithPrecisionOfArgument(0))
            ],
            note: "PCRE syntax, no match → NULL [BELIEVED]"),
        FunctionEntry(
            "REG_MATCH", .character, [FunctionSignature([.string, .string], result: .fixed(.integer))],
            note: "[CONFLICT] full (anchored) match implemented; partial match is the alternative"),
        FunctionEntry(
            "REG_REPLACE", .character,
            [
                FunctionSignature(
                    [.string, .string, .string, .optional(.integer)], result: .stringWithPrecisionOfArgument(0))
            ],
            note: "back-reference syntax uncertain [BELIEVED]; result precision taken from the subject (chosen)"),
        FunctionEntry(
            "REPLACECHR", .character,
            [FunctionSignature([.flag, .string, .string, .string], result: .stringWithPrecisionOfArgument(1))],
            note: "NewChar NULL or '' removes the characters [BELIEVED]"),
        FunctionEntry(
            "REPLACESTR", .character,
            [
                FunctionSignature(
                    [.flag, .string], repeated: [.string], minimumRepetitions: 1, trailing: [.string],
                    result: .stringWithPrecisionOfArgument(1))
            ],
            note: "first listed old string wins; replaced text not rescanned [BELIEVED]"),
        FunctionEntry("REVERSE", .character, [FunctionSignature([.string], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "RPAD", .character,
            [FunctionSignature([.string, .integer, .optional(.string)], result: .padded(lengthArgument: 1))],
            note: "a longer string is truncated to len [BELIEVED]"),
        FunctionEntry(
            "RTRIM", .character,
            [FunctionSignature([.string, .optional(.string)], result: .stringWithPrecisionOfArgument(0))]),
        FunctionEntry(
            "SOUNDEX", .character, [FunctionSignature([.string], result: .stringOfPrecision(4))],
            note: "NULL or '' → NULL [BELIEVED]"),
        FunctionEntry(
            "SUBSTR", .character,
            [
                FunctionSignature(
                    [.string, .integer, .optional(.integer)], result: .stringWithPrecisionOfArgument(0))
            ],
            note: "start 0 is 1; negative start counts from the end; length ≤ 0 → '' [BELIEVED]"),
        FunctionEntry("UPPER", .character, [FunctionSignature([.string], result: .stringWithPrecisionOfArgument(0))]),
    ]
}
