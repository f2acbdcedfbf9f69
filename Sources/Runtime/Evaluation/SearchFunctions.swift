import Foundation

extension FunctionLibrary {
    /// §3.4.1 searching and replacing: INSTR, REPLACECHR, REPLACESTR and the REG_ functions.
    static let searchFunctions: [String: FunctionSpec] = [
        "INSTR": FunctionSpec(2, 5) { r in instr(r) },
        "REPLACECHR": FunctionSpec(4, 4) { r in replaceChr(r) },
        "REPLACESTR": FunctionSpec(4, Int.max) { r in replaceStr(r) },
        "REG_EXTRACT": FunctionSpec(2, 3) { r throws(CompileProblem) in try RegularExpressions.extract(r) },
        "REG_MATCH": FunctionSpec(2, 2) { r throws(CompileProblem) in try RegularExpressions.match(r) },
        "REG_REPLACE": FunctionSpec(3, 4) { r throws(CompileProblem) in try RegularExpressions.replace(r) },
    ]

    /// INSTR (reference §3.4.1, cases 33–34): start 0 is 1; a negative start counts from the end
    /// and searches right to left; overlapping occurrences count (chosen, as Oracle); an
    /// occurrence below 1 or an empty search string gives 0 (chosen); comparison is binary.
    private static func instr(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        return strictMany { values throws(RowError) in
            let text = try args.text(values[0]).scalarArray
            let search = try args.text(values[1]).scalarArray
            let start = values.count > 2 ? try args.whole(values[2]) : 1
            let occurrence = values.count > 3 ? try args.whole(values[3]) : 1
            guard !search.isEmpty, occurrence >= 1, search.count <= text.count else { return .integer(0) }
            let last = text.count - search.count
            let positions: StrideTo<Int> =
                start >= 0
                ? stride(from: max(start, 1) - 1, to: last + 1, by: 1)
                : stride(from: min(text.count + start, last), to: -1, by: -1)
            var found = 0
            for i in positions where text[i..<(i + search.count)].elementsEqual(search) {
                found += 1
                if found == occurrence { return .integer(Int64(i + 1)) }
            }
            return .integer(0)
        }
    }

    /// Lower-cases a scalar for case-insensitive matching (simple mapping, first scalar).
    static func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }

    /// REPLACECHR(CaseFlag, InputString, OldCharSet, NewChar) [BELIEVED]: characters of the set
    /// become NewChar's first character, or are removed when NewChar is NULL or ''; CaseFlag
    /// NULL or 0 ignores case; NULL input → NULL; NULL or '' set → input unchanged.
    private static func replaceChr(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        return .many { values throws(RowError) in
            guard !values[1].isNull else { return .null }
            let input = try args.text(values[1])
            let caseSensitive = try args.flag(values[0])
            let oldSet = values[2].isNull ? "" : try args.text(values[2])
            guard !oldSet.isEmpty else { return .string(input) }
            let replacement = values[3].isNull ? nil : try args.text(values[3]).unicodeScalars.first
            let set = Set(oldSet.unicodeScalars.map { caseSensitive ? $0 : folded($0) })
            var result = String.UnicodeScalarView()
            for scalar in input.unicodeScalars {
                if set.contains(caseSensitive ? scalar : folded(scalar)) {
                    if let replacement { result.append(replacement) }
                } else {
                    result.append(scalar)
                }
            }
            return .string(String(result))
        }
    }

    /// REPLACESTR(CaseFlag, InputString, OldString1, ..., NewString) [BELIEVED]: left to right,
    /// the first listed OldString matching at a position wins, replaced text is not rescanned;
    /// NULL/'' OldStrings are ignored; NewString NULL/'' removes; a result longer than the largest
    /// string is a row error (chosen, ``FunctionArguments/fittingString(_:)``).
    private static func replaceStr(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        return .many { values throws(RowError) in
            guard !values[1].isNull else { return .null }
            let caseSensitive = try args.flag(values[0])
            let normalize: ([Unicode.Scalar]) -> [Unicode.Scalar] = { caseSensitive ? $0 : $0.map(folded) }
            let input = try args.text(values[1]).scalarArray
            let comparable = normalize(input)
            var olds: [[Unicode.Scalar]] = []
            for value in values[2..<(values.count - 1)] where !value.isNull {
                let old = normalize(try args.text(value).scalarArray)
                if !old.isEmpty { olds.append(old) }
            }
            let last = values[values.count - 1]
            let replacement = last.isNull ? [] : try args.text(last).scalarArray
            var result: [Unicode.Scalar] = []
            var i = 0
            while i < input.count {
                if let old = olds.first(where: {
                    i + $0.count <= input.count && comparable[i..<(i + $0.count)].elementsEqual($0)
                }) {
                    result.append(contentsOf: replacement)
                    _ = try args.fittingString(result.count + input.count - i - old.count)
                    i += old.count
                } else {
                    result.append(input[i])
                    i += 1
                }
            }
            return .string(String(scalars: result))
        }
    }
}
