import IR

extension ExpressionCompilation {
    /// A piece computing `compute` from `inputs`, folded to a constant when every input is one and
    /// the computation succeeds (a failing constant computation stays a per-row error).
    func combine(_ inputs: [Piece], type: DataType?, _ eval: @escaping Evaluator) -> Piece {
        if inputs.allSatisfy({ $0.constant != nil }) {
            var row: [Value] = []
            var state = EvaluationState()
            if let value = try? eval(&row, &state) { return .constant(value, type: type) }
        }
        return Piece(eval: eval, constant: nil, type: type)
    }

    mutating func unary(_ op: UnaryOperator, _ operand: Piece, _ expression: Expr) -> Piece {
        let a = operand.eval
        let highPrecision = settings.highPrecision
        switch op {
        case .negate:
            return combine([operand], type: expression.type) { row, state throws(RowError) in
                try Arithmetic.negate(try a(&row, &state), highPrecision: highPrecision)
            }
        case .plus:
            return combine([operand], type: expression.type) { row, state throws(RowError) in
                try ValueConversion.number(try a(&row, &state), highPrecision: highPrecision, context: "unary '+'")
            }
        case .not:
            let generic = combine([operand], type: .integer) { row, state throws(RowError) in
                guard let truth = try ValueConversion.truth(try a(&row, &state)) else { return .null }
                return .integer(truth ? 0 : 1)
            }
            return TypedOperators.not(operand, generic: generic)
        }
    }

    mutating func binary(_ op: BinaryOperator, _ left: Piece, _ right: Piece, _ expression: Expr) -> Piece {
        let a = left.eval
        let b = right.eval
        let settings = self.settings
        let type = expression.type
        switch op {
        case .add: return arithmetic(.add, left, right, type)
        case .subtract: return arithmetic(.subtract, left, right, type)
        case .multiply: return arithmetic(.multiply, left, right, type)
        case .divide: return arithmetic(.divide, left, right, type)
        case .modulo: return arithmetic(.modulo, left, right, type)
        case .less: return comparison(.less, left, right)
        case .lessEqual: return comparison(.lessEqual, left, right)
        case .greater: return comparison(.greater, left, right)
        case .greaterEqual: return comparison(.greaterEqual, left, right)
        case .equal: return comparison(.equal, left, right)
        case .notEqual: return comparison(.notEqual, left, right)
        case .concat:
            return combine([left, right], type: type) { row, state throws(RowError) in
                try Concatenation.concat(try a(&row, &state), try b(&row, &state), settings)
            }
        case .and:
            let generic = combine([left, right], type: .integer) { row, state throws(RowError) in
                let x = try ValueConversion.truth(try a(&row, &state))
                if x == false { return .integer(0) }
                let y = try ValueConversion.truth(try b(&row, &state))
                if y == false { return .integer(0) }
                return x == nil || y == nil ? .null : .integer(1)
            }
            return TypedOperators.logic(isAnd: true, left, right, generic: generic)
        case .or:
            let generic = combine([left, right], type: .integer) { row, state throws(RowError) in
                let x = try ValueConversion.truth(try a(&row, &state))
                if x == true { return .integer(1) }
                let y = try ValueConversion.truth(try b(&row, &state))
                if y == true { return .integer(1) }
                return x == nil || y == nil ? .null : .integer(0)
            }
            return TypedOperators.logic(isAnd: false, left, right, generic: generic)
        }
    }

    private func arithmetic(_ op: Arithmetic.Operation, _ left: Piece, _ right: Piece, _ type: DataType?) -> Piece {
        let a = left.eval
        let b = right.eval
        let highPrecision = settings.highPrecision
        let divisorSigned = op == .modulo && !settings.modTakesDividendSign
        let generic = combine([left, right], type: type) { row, state throws(RowError) in
            let x = try a(&row, &state)
            let y = try b(&row, &state)
            if case .integer(let i) = x, case .integer(let j) = y, op == .add {
                let (sum, overflow) = i.addingReportingOverflow(j)
                if !overflow { return .integer(sum) }
            }
            let result = try Arithmetic.apply(op, x, y, highPrecision: highPrecision)
            if divisorSigned { return try ModulusSign.divisorSigned(result, divisor: y, highPrecision: highPrecision) }
            return result
        }
        if divisorSigned { return generic }
        return TypedOperators.arithmetic(op, left, right, generic: generic, highPrecision: highPrecision)
    }

    private func comparison(_ op: Comparison.Operation, _ left: Piece, _ right: Piece) -> Piece {
        let a = left.eval
        let b = right.eval
        let settings = self.settings
        let generic = combine([left, right], type: .integer) { row, state throws(RowError) in
            try Comparison.apply(op, try a(&row, &state), try b(&row, &state), settings)
        }
        return TypedOperators.comparison(op, left, right, generic: generic, settings: settings)
    }
}

/// `||` and CONCAT (G2): NULL operands are ignored, both NULL gives NULL (BELIEVED; switch
/// ``EvaluationSettings/concatOfTwoNullsIsNull``), numbers and dates are converted to strings.
enum Concatenation {
    static func concat(_ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError) -> Value {
        if case .string(let x) = a, case .string(let y) = b { return .string(x + y) }
        let x = try ValueConversion.text(a, settings)
        let y = try ValueConversion.text(b, settings)
        switch (x, y) {
        case (nil, nil): return settings.concatOfTwoNullsIsNull ? .null : .string("")
        case (let x?, nil): return .string(x)
        case (nil, let y?): return .string(y)
        case (let x?, let y?): return .string(x + y)
        }
    }
}
