import IR

/// What a typed evaluator found: a value, NULL, or `generic` when a row value was not of the kind
/// the checked type promised. On `generic` the caller runs the piece's generic ``Evaluator``,
/// which gives the exact result; typed evaluators only read ports, constants and compute
/// arithmetic, comparisons and logic (no state, no side effects), so evaluating again is safe.
enum Typed<T: Sendable>: Sendable {
    case value(T)
    case null
    case generic
}

/// A sub-expression computed as a 64-bit integer (its generic value is always `.integer` or NULL).
typealias IntEvaluator = @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Typed<Int64>
/// A sub-expression computed as a double (its generic value is always `.double` or NULL).
typealias DoubleEvaluator = @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Typed<Double>
/// A condition whose generic value is always `.integer(1)`, `.integer(0)` or NULL.
typealias TruthEvaluator = @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Typed<Bool>

extension Piece {
    /// A piece computed by `int`, falling back to `generic` when `int` answers `.generic`.
    static func typed(int: @escaping IntEvaluator, generic: @escaping Evaluator, type: DataType?) -> Piece {
        Piece(
            eval: { row, state throws(RowError) in
                switch try int(&row, &state) {
                case .value(let i): return .integer(i)
                case .null: return .null
                case .generic: return try generic(&row, &state)
                }
            }, constant: nil, type: type, int: int)
    }

    /// A piece computed by `double`, falling back to `generic` when `double` answers `.generic`.
    static func typed(double: @escaping DoubleEvaluator, generic: @escaping Evaluator, type: DataType?) -> Piece {
        Piece(
            eval: { row, state throws(RowError) in
                switch try double(&row, &state) {
                case .value(let d): return .double(d)
                case .null: return .null
                case .generic: return try generic(&row, &state)
                }
            }, constant: nil, type: type, double: double)
    }

    /// A condition computed by `truth` (1, 0 or NULL), falling back to `generic`.
    static func typed(truth: @escaping TruthEvaluator, generic: @escaping Evaluator) -> Piece {
        let int: IntEvaluator = { row, state throws(RowError) in
            switch try truth(&row, &state) {
            case .value(let b): return .value(b ? 1 : 0)
            case .null: return .null
            case .generic: return .generic
            }
        }
        return Piece(
            eval: { row, state throws(RowError) in
                switch try truth(&row, &state) {
                case .value(let b): return .integer(b ? 1 : 0)
                case .null: return .null
                case .generic: return try generic(&row, &state)
                }
            }, constant: nil, type: .integer, int: int, truth: truth)
    }

    /// This piece as a double: its double evaluator, or its integer one converted (as the
    /// arithmetic and comparison code converts an integer meeting a double).
    var asDouble: DoubleEvaluator? {
        if let double { return double }
        guard let int else { return nil }
        return { row, state throws(RowError) in
            switch try int(&row, &state) {
            case .value(let i): return .value(Double(i))
            case .null: return .null
            case .generic: return .generic
            }
        }
    }

    /// The typed evaluators of a constant.
    static func typedConstant(_ value: Value, type: DataType?) -> Piece {
        let eval: Evaluator = { _, _ throws(RowError) in value }
        switch value {
        case .integer(let i):
            return Piece(eval: eval, constant: value, type: type, int: { _, _ throws(RowError) in .value(i) })
        case .double(let d):
            return Piece(eval: eval, constant: value, type: type, double: { _, _ throws(RowError) in .value(d) })
        default:
            return Piece(eval: eval, constant: value, type: type)
        }
    }

    /// A port read typed by the checked type: integers and doubles read without a `Value` copy.
    static func typedReference(slot: Int, type: DataType?) -> Piece {
        let generic: Evaluator = { row, _ throws(RowError) in row[slot] }
        switch type {
        case .integer?, .smallInteger?, .bigInteger?:
            return Piece(
                eval: generic, constant: nil, type: type,
                int: { row, _ throws(RowError) in
                    switch row[slot] {
                    case .integer(let i): return .value(i)
                    case .null: return .null
                    default: return .generic
                    }
                })
        case .double?, .real?:
            return Piece(
                eval: generic, constant: nil, type: type,
                double: { row, _ throws(RowError) in
                    switch row[slot] {
                    case .double(let d): return .value(d)
                    case .null: return .null
                    default: return .generic
                    }
                })
        default:
            return Piece(eval: generic, constant: nil, type: type)
        }
    }
}
