import IR

/// Typed versions of arithmetic, comparisons and logic (TypedEvaluators.swift): each computes
/// exactly what the generic closure computes, in the same order, and answers `.generic` as soon
/// as a child does, before evaluating anything else, so that the generic closure run from the
/// start throws the same row error.
enum TypedOperators {
    /// `generic` with typed evaluators added when both operands have them.
    static func arithmetic(
        _ op: Arithmetic.Operation, _ left: Piece, _ right: Piece, generic: Piece, highPrecision: Bool
    ) -> Piece {
        guard generic.constant == nil else { return generic }
        if let a = left.int, let b = right.int, op != .divide {
            let int: IntEvaluator = { row, state throws(RowError) in
                let x = try a(&row, &state)
                if case .generic = x { return .generic }
                let y = try b(&row, &state)
                guard case .value(let i) = x, case .value(let j) = y else {
                    if case .generic = y { return .generic }
                    return .null
                }
                return try integers(op, i, j, highPrecision: highPrecision)
            }
            return .typed(int: int, generic: generic.eval, type: generic.type)
        }
        if op == .divide, highPrecision, let a = left.int, let b = right.int {
            var quotient = generic
            quotient.intQuotient = (a, b)
            return quotient
        }
        guard left.double != nil || right.double != nil, let a = left.asDouble, let b = right.asDouble,
            op != .modulo
        else { return generic }
        let double: DoubleEvaluator = { row, state throws(RowError) in
            let x = try a(&row, &state)
            if case .generic = x { return .generic }
            let y = try b(&row, &state)
            guard case .value(let p) = x, case .value(let q) = y else {
                if case .generic = y { return .generic }
                return .null
            }
            return try doubles(op, p, q, highPrecision: highPrecision)
        }
        return .typed(double: double, generic: generic.eval, type: generic.type)
    }

    /// `i op j` as ``Arithmetic/apply(_:_:_:highPrecision:)`` computes it; the unusual cases
    /// (overflow, zero divisor) go through it, so their errors are its own.
    @inline(__always)
    static func integers(_ op: Arithmetic.Operation, _ i: Int64, _ j: Int64, highPrecision: Bool) throws(RowError)
        -> Typed<Int64>
    {
        let result: (partialValue: Int64, overflow: Bool)
        switch op {
        case .add: result = i.addingReportingOverflow(j)
        case .subtract: result = i.subtractingReportingOverflow(j)
        case .multiply: result = i.multipliedReportingOverflow(by: j)
        case .modulo:
            if j != 0 { return .value(j == -1 ? 0 : i % j) }
            result = (0, true)
        case .divide: result = (0, true)
        }
        if !result.overflow { return .value(result.partialValue) }
        if case .integer(let k) = try Arithmetic.apply(op, .integer(i), .integer(j), highPrecision: highPrecision) {
            return .value(k)
        }
        return .generic
    }

    /// `x op y` for doubles (an integer operand already converted, as the generic code does).
    @inline(__always)
    private static func doubles(_ op: Arithmetic.Operation, _ x: Double, _ y: Double, highPrecision: Bool)
        throws(RowError) -> Typed<Double>
    {
        var result = Double.nan
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide: if y != 0 { result = x / y }
        case .modulo: break
        }
        if result.isFinite { return .value(result) }
        if case .double(let d) = try Arithmetic.apply(op, .double(x), .double(y), highPrecision: highPrecision) {
            return .value(d)
        }
        return .generic
    }

    /// `generic` with a condition evaluator when both operands are integers or doubles and NULL
    /// compares as NULL.
    static func comparison(
        _ op: Comparison.Operation, _ left: Piece, _ right: Piece, generic: Piece, settings: EvaluationSettings
    ) -> Piece {
        guard generic.constant == nil else { return generic }
        if let truth = textEquality(op, left, right, settings) { return .typed(truth: truth, generic: generic.eval) }
        guard settings.nullComparison == .null else { return generic }
        if let a = left.int, let b = right.int {
            return .typed(truth: ordered(a, b, op), generic: generic.eval)
        }
        guard left.double != nil || right.double != nil, let a = left.asDouble, let b = right.asDouble else {
            return generic
        }
        return .typed(truth: ordered(a, b, op), generic: generic.eval)
    }

    /// `=` or `<>` with a constant string on one side: a string value is compared by its bytes
    /// (``Comparison/equalTexts(_:_:_:)``), anything else as ``Comparison/apply(_:_:_:_:)`` does;
    /// never `.generic`, so the operand is evaluated once.
    private static func textEquality(
        _ op: Comparison.Operation, _ left: Piece, _ right: Piece, _ settings: EvaluationSettings
    ) -> TruthEvaluator? {
        guard op == .equal || op == .notEqual else { return nil }
        let constantOnLeft: Bool
        let text: String
        let operand: Evaluator
        if case .string(let t)? = right.constant {
            (constantOnLeft, text, operand) = (false, t, left.eval)
        } else if case .string(let t)? = left.constant {
            (constantOnLeft, text, operand) = (true, t, right.eval)
        } else {
            return nil
        }
        let equal = op == .equal
        let constant = Value.string(text)
        return { row, state throws(RowError) in
            let value = try operand(&row, &state)
            if case .string(let s) = value { return .value(Comparison.equalTexts(s, text, settings) == equal) }
            let order =
                constantOnLeft
                ? try Comparison.order(constant, value, settings) : try Comparison.order(value, constant, settings)
            guard let order else { return .null }
            return .value(op.holds(order))
        }
    }

    private static func ordered<T: Comparable & Sendable>(
        _ a: @escaping @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Typed<T>,
        _ b: @escaping @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Typed<T>,
        _ op: Comparison.Operation
    ) -> TruthEvaluator {
        { row, state throws(RowError) in
            let x = try a(&row, &state)
            if case .generic = x { return .generic }
            let y = try b(&row, &state)
            guard case .value(let p) = x, case .value(let q) = y else {
                if case .generic = y { return .generic }
                return .null
            }
            return .value(op.holds(p < q ? -1 : (p == q ? 0 : 1)))
        }
    }

    /// `generic` (AND or OR) with a condition evaluator when both operands have one.
    static func logic(isAnd: Bool, _ left: Piece, _ right: Piece, generic: Piece) -> Piece {
        guard generic.constant == nil, let a = left.asTruth, let b = right.asTruth else { return generic }
        let decisive = !isAnd
        let truth: TruthEvaluator = { row, state throws(RowError) in
            let x = try a(&row, &state)
            switch x {
            case .generic: return .generic
            case .value(let v) where v == decisive: return .value(decisive)
            default: break
            }
            let y = try b(&row, &state)
            switch y {
            case .generic: return .generic
            case .value(let v) where v == decisive: return .value(decisive)
            default: break
            }
            if case .null = x { return .null }
            if case .null = y { return .null }
            return .value(!decisive)
        }
        return .typed(truth: truth, generic: generic.eval)
    }

    /// `generic` (NOT) with a condition evaluator when its operand has one.
    static func not(_ operand: Piece, generic: Piece) -> Piece {
        guard generic.constant == nil, let a = operand.asTruth else { return generic }
        return .typed(
            truth: { row, state throws(RowError) in
                switch try a(&row, &state) {
                case .value(let v): return .value(!v)
                case .null: return .null
                case .generic: return .generic
                }
            }, generic: generic.eval)
    }
}

extension Piece {
    /// This piece as a condition (``ValueConversion/truth(_:)``): its condition evaluator, or its
    /// integer or double one compared with zero.
    var asTruth: TruthEvaluator? {
        if let truth { return truth }
        if let int {
            return { row, state throws(RowError) in
                switch try int(&row, &state) {
                case .value(let i): return .value(i != 0)
                case .null: return .null
                case .generic: return .generic
                }
            }
        }
        guard let double else { return nil }
        return { row, state throws(RowError) in
            switch try double(&row, &state) {
            case .value(let d): return .value(d != 0)
            case .null: return .null
            case .generic: return .generic
            }
        }
    }
}
