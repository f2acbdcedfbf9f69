import IR

extension ExpressionCompilation {
    /// The functions the catalog knows but the evaluator does not run: aggregates (they belong to
    /// the Aggregator's accumulators) are reported separately.
    static let aggregateNames: Set<String> = [
        "AVG", "COUNT", "FIRST", "LAST", "MAX", "MEDIAN", "MIN", "PERCENTILE", "STDDEV", "SUM", "VARIANCE",
    ]

    mutating func call(_ name: String, _ arguments: [Expr], _ expression: Expr) -> Piece {
        let upper = name.uppercased()
        let pieces = arguments.map { compile($0) }
        guard let spec = FunctionLibrary.specs[upper] else {
            reportMissingFunction(upper, expression)
            return .constant(.null)
        }
        guard pieces.count >= spec.minimum, pieces.count <= spec.maximum else {
            let expected =
                spec.maximum == Int.max
                ? "at least \(spec.minimum)"
                : (spec.minimum == spec.maximum ? "\(spec.minimum)" : "\(spec.minimum) to \(spec.maximum)")
            report(
                EvaluationDiagnostics.wrongArgumentCount,
                "'\(upper)' takes \(expected) arguments, not \(pieces.count)", at: expression.range,
                fix: "correct the number of arguments of '\(upper)'")
            return .constant(.null)
        }
        let request = FunctionRequest(
            name: upper, arguments: pieces, settings: settings, expression: expression,
            mappingVariables: mappingVariables, specialised: specialised, slots: slots)
        do throws(CompileProblem) {
            let generic = piece(for: try spec.make(request), pieces, expression)
            return specialised ? Self.typed(upper, pieces, generic, settings) : generic
        } catch {
            report(error.descriptor, error.message, at: expression.range, fix: error.fix)
            return .constant(.null)
        }
    }

    private mutating func reportMissingFunction(_ name: String, _ expression: Expr) {
        if Self.aggregateNames.contains(name) {
            report(
                EvaluationDiagnostics.aggregateOutsideAggregator,
                "'\(name)' is an aggregate function; row expressions cannot compute it", at: expression.range,
                fix: "use '\(name)' in an Aggregator port, where the runtime accumulates it")
        } else if FunctionCatalog.entry(named: name) != nil {
            report(
                EvaluationDiagnostics.unsupportedFunction, "'\(name)' is not yet supported by the native evaluator",
                at: expression.range, fix: "rewrite the expression without '\(name)' or run it on another engine")
        } else {
            report(
                EvaluationDiagnostics.unknownFunction, "'\(name)' is not a function of the transformation language",
                at: expression.range, fix: "check the function name")
        }
    }

    /// The piece running `impl` over the compiled arguments.
    private func piece(for impl: FunctionImpl, _ pieces: [Piece], _ expression: Expr) -> Piece {
        let type = expression.type
        let e = pieces.map(\.eval)
        switch impl {
        case .one(let f):
            let a = e[0]
            return combine(pieces, type: type) { row, state throws(RowError) in try f(try a(&row, &state)) }
        case .two(let f):
            let a = e[0]
            let b = e[1]
            return combine(pieces, type: type) { row, state throws(RowError) in
                try f(try a(&row, &state), try b(&row, &state))
            }
        case .three(let f):
            let a = e[0]
            let b = e[1]
            let c = e[2]
            return combine(pieces, type: type) { row, state throws(RowError) in
                try f(try a(&row, &state), try b(&row, &state), try c(&row, &state))
            }
        case .many(let f):
            return combine(pieces, type: type) { row, state throws(RowError) in
                try f(try Self.values(e, &row, &state))
            }
        case .stateful(let f):
            return Piece(
                eval: { row, state throws(RowError) in try f(try Self.values(e, &row, &state), &state) },
                constant: nil, type: type)
        case .special(let eval):
            return Piece(eval: eval, constant: nil, type: type)
        }
    }

    /// `generic` with typed evaluators for ISNULL and IN (conditions), MOD of integers, and CEIL
    /// and FLOOR of an integer quotient.
    static func typed(_ name: String, _ pieces: [Piece], _ generic: Piece, _ settings: EvaluationSettings) -> Piece {
        guard generic.constant == nil else { return generic }
        switch name {
        case "ISNULL":
            let e = pieces[0].eval
            return .typed(
                truth: { row, state throws(RowError) in .value(try e(&row, &state).isNull) }, generic: generic.eval)
        case "CEIL", "FLOOR":
            guard let (a, b) = pieces[0].intQuotient else { return generic }
            return IntegerQuotients.rounded(a, b, ceiling: name == "CEIL", generic: generic)
        case "IN":
            return membershipTruth(generic)
        case "MOD":
            guard settings.modTakesDividendSign else { return generic }
            return TypedOperators.arithmetic(
                .modulo, pieces[0], pieces[1], generic: generic, highPrecision: settings.highPrecision)
        default:
            return generic
        }
    }

    /// IN as a condition (its value is always 1, 0 or NULL), so that IIF, AND and OR use their
    /// typed forms; the value is computed by `generic` once.
    private static func membershipTruth(_ generic: Piece) -> Piece {
        let e = generic.eval
        return .typed(
            truth: { row, state throws(RowError) in
                let value = try e(&row, &state)
                if case .integer(let i) = value { return .value(i != 0) }
                guard let truth = try ValueConversion.truth(value) else { return .null }
                return .value(truth)
            }, generic: e)
    }

    /// Evaluates every argument in order.
    static func values(_ evaluators: [Evaluator], _ row: inout [Value], _ state: inout EvaluationState)
        throws(RowError) -> [Value]
    {
        var values: [Value] = []
        values.reserveCapacity(evaluators.count)
        for evaluate in evaluators { values.append(try evaluate(&row, &state)) }
        return values
    }
}
