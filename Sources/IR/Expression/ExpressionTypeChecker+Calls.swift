extension TypeCheckPass {
    /// The date-part units ADD_TO_DATE, DATE_DIFF, GET_DATE_PART, SET_DATE_PART, ROUND and TRUNC accept.
    static let dateParts: Set<String> = [
        "Y", "YY", "YYY", "YYYY", "MM", "MON", "MONTH", "D", "DD", "DDD", "DY", "DAY", "HH", "HH12", "HH24",
        "MI", "SS", "MS", "US", "NS",
    ]

    /// Types a call of a catalog function.
    mutating func checkCall(_ name: String, _ arguments: [Expr], in expression: Expr) -> Expr {
        guard let entry = FunctionCatalog.entry(named: name) else {
            let typedArguments = arguments.map { checkArgumentNode($0) }
            let suggestion = FunctionCatalog.closestName(to: name).map { "; did you mean '\($0)'?" } ?? ""
            report(
                TypeDiagnostics.unknownFunction,
                "'\(name)' is not a function of the transformation language\(suggestion)",
                at: expression.range, fix: replacementFix(for: name))
            return Expr(.call(name: name, arguments: typedArguments), range: expression.range)
        }
        checkPlacement(of: entry, at: expression.range)
        if entry.isAggregate { enclosingAggregates.append(entry) }
        let typedArguments = arguments.map { checkArgumentNode($0) }
        if entry.isAggregate { enclosingAggregates.removeLast() }
        var typed = Expr(.call(name: entry.name, arguments: typedArguments), range: expression.range)
        guard let (signature, kinds) = chooseSignature(entry, typedArguments) else {
            report(
                TypeDiagnostics.wrongArity,
                "'\(entry.name)' takes \(entry.arityDescription) arguments, not \(arguments.count)",
                at: expression.range, fix: "pass \(entry.arityDescription) arguments")
            return typed
        }
        for (index, (argument, kind)) in zip(typedArguments, kinds).enumerated() {
            checkArgument(argument, kind: kind, position: index, of: entry)
        }
        if signature.result == .firstResult { checkResultFamilies(typedArguments, kinds, of: entry) }
        typed.type = resultType(signature.result, typedArguments, kinds)
        return typed
    }

    /// Types a call argument; `*` (only meaningful in `COUNT(*)`) is left for the argument check.
    private mutating func checkArgumentNode(_ argument: Expr) -> Expr {
        if case .star = argument.kind { return argument }
        return check(argument)
    }

    /// What to suggest for a call of an unknown function, with the reference's replacements for
    /// functions PowerCenter does not have.
    private func replacementFix(for name: String) -> String {
        switch name.uppercased() {
        case "TRIM": "use LTRIM(RTRIM(x)); TRIM is not a PowerCenter function"
        case "NVL": "use IIF(ISNULL(x), y, x); NVL is not a PowerCenter function"
        case "NVL2": "use IIF(ISNULL(x), z, y); NVL2 is not a PowerCenter function"
        case "CAST": "use TO_CHAR, TO_DATE, TO_DECIMAL, TO_INTEGER or TO_FLOAT; CAST is not a PowerCenter function"
        default: "correct the function name"
        }
    }

    /// Reports aggregates outside an aggregator, nesting beyond one level, variable functions in
    /// the wrong transformation and unsupported functions.
    private mutating func checkPlacement(of entry: FunctionEntry, at range: TextRange) {
        if !entry.isSupported {
            report(
                TypeDiagnostics.unsupportedFunction, "'\(entry.name)' is not supported (\(entry.note))", at: range,
                fix: "replace the call with an unconnected lookup (':LKP.')")
        }
        if entry.isAggregate, let outer = enclosingAggregates.last,
            enclosingAggregates.count >= 2 || !outer.allowsNestedAggregate
        {
            report(
                TypeDiagnostics.nestedAggregate,
                "'\(entry.name)' is nested \(enclosingAggregates.count) levels deep in aggregate functions; only one level is allowed",
                at: range, fix: "compute the inner aggregate in a separate aggregator")
            return
        }
        guard let sites = entry.allowedSites, !sites.contains(environment.site) else { return }
        if entry.isAggregate {
            if enclosingAggregates.isEmpty {
                report(
                    TypeDiagnostics.aggregateOutsideAggregator,
                    "aggregate function '\(entry.name)' is used in a \(siteName) expression", at: range,
                    fix: "move the calculation into an Aggregator transformation")
            }
        } else {
            report(
                TypeDiagnostics.variableFunctionMisplaced,
                "'\(entry.name)' is used in a \(siteName) expression", at: range,
                fix: "move the call into an Expression, Filter, Router or Update Strategy transformation")
        }
    }

    private var siteName: String {
        switch environment.site {
        case .updateStrategy: "update strategy"
        case .transactionControl: "transaction control"
        case .otherTransformation: "transformation"
        case .workflow: "workflow"
        default: environment.site.rawValue
        }
    }

    /// The first signature whose arity fits and whose arguments all fit (else the first that fits
    /// the arity, whose argument errors are then reported).
    private func chooseSignature(_ entry: FunctionEntry, _ arguments: [Expr]) -> (FunctionSignature, [ArgumentKind])? {
        var fallback: (FunctionSignature, [ArgumentKind])?
        for signature in entry.signatures {
            guard let kinds = signature.argumentKinds(count: arguments.count) else { continue }
            if zip(arguments, kinds).allSatisfy({ accepts($1, $0.type) }) { return (signature, kinds) }
            if fallback == nil { fallback = (signature, kinds) }
        }
        return fallback
    }

    /// Whether an argument position accepts a value of `type` (nil: NULL or unknown, always accepted).
    func accepts(_ kind: ArgumentKind, _ type: DataType?) -> Bool {
        guard let family = type?.family else { return true }
        switch kind {
        case .string: return family != .binary
        case .numeric, .integer, .condition, .flag, .numberText: return family == .numeric || family == .string
        case .date: return family == .dateTime || family == .string
        case .any, .mappingVariable: return true
        case .result: return family != .binary
        case .dateFormat, .datePart: return family == .string
        case .bytes: return family == .binary || family == .string
        }
    }
}
