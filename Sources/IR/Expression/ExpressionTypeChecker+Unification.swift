extension TypeCheckPass {
    /// The typed `result` arguments of a call (IIF/DECODE results, CHOOSE choices, GREATEST values),
    /// skipping NULL and untyped calls such as ERROR().
    func resultArguments(_ arguments: [Expr], _ kinds: [ArgumentKind]) -> [Expr] {
        zip(arguments, kinds).filter { $1 == .result && $0.type != nil }.map(\.0)
    }

    /// The unified type of the result arguments: the first result's family, widened to hold the
    /// others (reference §3.4.6 [BELIEVED]; numeric results of greatest precision per the TLR).
    func unifiedResultType(_ arguments: [Expr], _ kinds: [ArgumentKind]) -> DataType? {
        let types = resultArguments(arguments, kinds).compactMap(\.type)
        return TypeRules.unify(types, highPrecision: environment.highPrecision)
    }

    /// Reports result arguments whose family differs from the first result's. Numbers and strings
    /// are converted to the first result's type (a note; BELIEVED, §3.4.6) unless the environment's
    /// `resultFamiliesMustMatch` asks for an error; dates and binaries never mix.
    mutating func checkResultFamilies(_ arguments: [Expr], _ kinds: [ArgumentKind], of entry: FunctionEntry) {
        let results = resultArguments(arguments, kinds)
        guard let first = results.first, let family = first.type?.family else { return }
        for result in results.dropFirst() {
            guard let type = result.type, type.family != family else { continue }
            let numberAndString = Set([type.family, family]) == Set([DataType.Family.numeric, .string])
            if numberAndString && !environment.resultFamiliesMustMatch {
                report(
                    TypeDiagnostics.resultConverted,
                    "a result of '\(entry.name)' is '\(type.canonicalName)' and is converted to the first result's type '\(first.type!.canonicalName)'",
                    at: result.range,
                    fix: "convert the result explicitly (TO_CHAR, TO_DECIMAL, ...) to make the intent visible")
                continue
            }
            report(
                TypeDiagnostics.wrongArgumentType,
                "a result of '\(entry.name)' is '\(type.canonicalName)' but the first result is '\(first.type!.canonicalName)'",
                at: result.range, fix: "convert the results so all are \(family.rawValue) values")
        }
    }
}
