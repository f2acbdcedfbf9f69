import Testing

@testable import IR

/// The function catalog against reference §3.4, listed here by hand.
@Suite struct FunctionCatalogTests {
    static let referenceFunctions: [(String, FunctionCategory)] = [
        // §3.4.1
        ("ASCII", .character), ("CHR", .character), ("CHRCODE", .character), ("CONCAT", .character),
        ("INITCAP", .character), ("INSTR", .character), ("LENGTH", .character), ("LOWER", .character),
        ("UPPER", .character), ("LPAD", .character), ("RPAD", .character), ("LTRIM", .character),
        ("RTRIM", .character), ("METAPHONE", .character), ("SOUNDEX", .character), ("REG_EXTRACT", .character),
        ("REG_MATCH", .character), ("REG_REPLACE", .character), ("REPLACECHR", .character),
        ("REPLACESTR", .character), ("REVERSE", .character), ("SUBSTR", .character),
        // §3.4.2
        ("TO_BIGINT", .conversion), ("TO_CHAR", .conversion), ("TO_DATE", .conversion), ("TO_DECIMAL", .conversion),
        ("TO_FLOAT", .conversion), ("TO_INTEGER", .conversion),
        // §3.4.3 (ROUND/TRUNC are filed under numeric, IS_DATE under test)
        ("ADD_TO_DATE", .date), ("DATE_COMPARE", .date), ("DATE_DIFF", .date), ("GET_DATE_PART", .date),
        ("LAST_DAY", .date), ("MAKE_DATE_TIME", .date), ("SET_DATE_PART", .date), ("SYSTIMESTAMP", .date),
        // §3.4.4
        ("ABS", .numeric), ("CEIL", .numeric), ("FLOOR", .numeric), ("CUME", .numeric), ("EXP", .numeric),
        ("LN", .numeric), ("LOG", .numeric), ("POWER", .numeric), ("SQRT", .numeric), ("MOD", .numeric),
        ("MOVINGAVG", .numeric), ("MOVINGSUM", .numeric), ("RAND", .numeric), ("ROUND", .numeric),
        ("SIGN", .numeric), ("TRUNC", .numeric),
        // §3.4.5
        ("COS", .scientific), ("COSH", .scientific), ("SIN", .scientific), ("SINH", .scientific),
        ("TAN", .scientific), ("TANH", .scientific),
        // §3.4.6
        ("ABORT", .special), ("DECODE", .special), ("ERROR", .special), ("IIF", .special), ("CHOOSE", .special),
        ("IN", .special), ("INDEXOF", .special), ("GREATEST", .special), ("LEAST", .special), ("LOOKUP", .special),
        // §3.4.7
        ("ISNULL", .test), ("IS_DATE", .test), ("IS_NUMBER", .test), ("IS_SPACES", .test),
        // §3.4.8
        ("SETVARIABLE", .variable), ("SETMAXVARIABLE", .variable), ("SETMINVARIABLE", .variable),
        ("SETCOUNTVARIABLE", .variable),
        // §3.4.9
        ("AVG", .aggregate), ("COUNT", .aggregate), ("FIRST", .aggregate), ("LAST", .aggregate), ("MAX", .aggregate),
        ("MIN", .aggregate), ("MEDIAN", .aggregate), ("PERCENTILE", .aggregate), ("STDDEV", .aggregate),
        ("SUM", .aggregate), ("VARIANCE", .aggregate),
        // §3.4.10
        ("FV", .financial), ("NPER", .financial), ("PMT", .financial), ("PV", .financial), ("RATE", .financial),
        // §3.4.11
        ("AES_ENCRYPT", .encoding), ("AES_DECRYPT", .encoding), ("COMPRESS", .encoding), ("DECOMPRESS", .encoding),
        ("CRC32", .encoding), ("MD5", .encoding), ("ENCODE_BASE64", .encoding), ("DECODE_BASE64", .encoding),
        ("UUID4", .encoding), ("UUID_UNPARSE", .encoding), ("GET_TIMESTAMP", .encoding),
        ("CREATE_TIMESTAMP_TZ", .encoding),
    ]

    @Test func containsEveryReferenceFunctionInItsCategory() {
        for (name, category) in Self.referenceFunctions {
            #expect(FunctionCatalog.entry(named: name)?.category == category, "\(name)")
        }
        #expect(FunctionCatalog.all.count == Self.referenceFunctions.count)
    }

    @Test func namesAreUniqueUpperCaseAndLookedUpInAnyCase() {
        #expect(Set(FunctionCatalog.all.map(\.name)).count == FunctionCatalog.all.count)
        #expect(FunctionCatalog.all.allSatisfy { $0.name == $0.name.uppercased() })
        #expect(FunctionCatalog.entry(named: "substr")?.name == "SUBSTR")
        #expect(FunctionCatalog.entry(named: "Add_To_Date")?.name == "ADD_TO_DATE")
    }

    @Test(arguments: ["TRIM", "NVL", "NVL2", "CAST", "trim"])
    func nonPowerCenterFunctionsAreAbsent(name: String) {
        #expect(FunctionCatalog.entry(named: name) == nil)
    }

    @Test func arityRanges() throws {
        let expected: [(String, Int, Int?)] = [
            ("SUBSTR", 2, 3), ("INSTR", 2, 5), ("DECODE", 3, nil), ("REPLACESTR", 4, nil), ("IIF", 2, 3),
            ("MAKE_DATE_TIME", 3, 7), ("SYSTIMESTAMP", 0, 1), ("UUID4", 0, 0), ("COUNT", 1, 2),
            ("PERCENTILE", 2, 3), ("FV", 3, 5), ("CHOOSE", 2, nil), ("GREATEST", 1, nil), ("TO_CHAR", 1, 2),
            ("SETCOUNTVARIABLE", 1, 1), ("MOVINGAVG", 2, 3),
        ]
        for (name, minimum, maximum) in expected {
            let entry = try #require(FunctionCatalog.entry(named: name))
            #expect(entry.minimumArity == minimum, "\(name)")
            #expect(entry.maximumArity == maximum, "\(name)")
        }
        #expect(FunctionCatalog.entry(named: "DECODE")?.arityDescription == "3 or more")
        #expect(FunctionCatalog.entry(named: "SUBSTR")?.arityDescription == "2 to 3")
    }

    @Test func variadicShapesAssignKinds() throws {
        let decode = try #require(FunctionCatalog.entry(named: "DECODE")?.signatures.first)
        #expect(decode.argumentKinds(count: 3) == [.any, .any, .result])
        #expect(decode.argumentKinds(count: 4) == [.any, .any, .result, .result])
        #expect(decode.argumentKinds(count: 5) == [.any, .any, .result, .any, .result])
        #expect(decode.argumentKinds(count: 2) == nil)
        let replace = try #require(FunctionCatalog.entry(named: "REPLACESTR")?.signatures.first)
        #expect(replace.argumentKinds(count: 5) == [.flag, .string, .string, .string, .string])
        #expect(replace.argumentKinds(count: 3) == nil)
        let sum = try #require(FunctionCatalog.entry(named: "SUM")?.signatures.first)
        #expect(sum.argumentKinds(count: 2) == [.numeric, .condition])
    }

    @Test func aggregateVariableAndVolatilityFlags() throws {
        let aggregates = FunctionCatalog.all.filter(\.isAggregate).map(\.name).sorted()
        #expect(
            aggregates == [
                "AVG", "COUNT", "FIRST", "LAST", "MAX", "MEDIAN", "MIN", "PERCENTILE", "STDDEV", "SUM", "VARIANCE",
            ])
        #expect(FunctionCatalog.all.filter(\.isAggregate).allSatisfy { $0.allowsNestedAggregate })
        let setVariable = try #require(FunctionCatalog.entry(named: "SETVARIABLE"))
        #expect(setVariable.allowedSites == [.expression, .filter, .router, .updateStrategy])
        #expect(FunctionCatalog.entry(named: "SUM")?.allowedSites == [.aggregator, .rank])
        for name in ["RAND", "UUID4", "SYSTIMESTAMP"] {
            #expect(FunctionCatalog.entry(named: name)?.isDeterministic == false, "\(name)")
        }
        #expect(FunctionCatalog.entry(named: "SUBSTR")?.isDeterministic == true)
        #expect(FunctionCatalog.entry(named: "LOOKUP")?.isSupported == false)
        #expect(FunctionCatalog.entry(named: "REG_MATCH")?.note.contains("CONFLICT") == true)
    }

    @Test func closestNameSuggestions() {
        #expect(FunctionCatalog.closestName(to: "SUBSTRING") == "SUBSTR")
        #expect(FunctionCatalog.closestName(to: "to_dat") == "TO_DATE")
        #expect(FunctionCatalog.closestName(to: "XYZZYQUUX") == nil)
    }
}
