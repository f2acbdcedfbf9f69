import IR

/// Lowers type-checked transformation-language expressions into SQL for one dialect, exactly or
/// not at all (reference §0 G1–G12, §3.2–§3.4; reference/dialects.md §3).
///
/// PowerCenter's booleans are numbers (TRUE = 1, a non-zero number is true, G7) while SQL
/// separates predicates from values, so every node is lowered in one of two shapes: a *value*
/// (what the port holds: 1/0/NULL for a comparison) or a *condition* (a SQL predicate whose NULL
/// behaves as false where SQL uses it: `WHERE`, `CASE WHEN`, as G3 asks). Whatever a dialect
/// computes differently — string comparison rules, `''` as NULL, decimal division scale, a row
/// error that SQL would turn into a failed statement or a NULL — throws ``SQLLoweringFailure``.
public struct SQLExpressionLowering: Sendable {
    /// The dialect to lower into.
    public let dialect: any SQLDialect
    /// Session settings and switches that change results.
    public let options: SQLLoweringOptions

    /// Creates a lowering for `dialect`.
    public init(_ dialect: any SQLDialect, options: SQLLoweringOptions = SQLLoweringOptions()) {
        self.dialect = dialect
        self.options = options
    }

    /// `expression` as a SQL value, port references resolved through `columns` (upper-case names).
    public func lower(_ expression: Expr, columns: [String: SQLExpression]) -> Result<SQLExpression, SQLLoweringFailure>
    {
        Result { () throws(SQLLoweringFailure) in
            let lowering = Lowering(self, columns: columns)
            try lowering.checkFoldedOperands(lowering.withNullPorts(expression))
            return try lowering.value(expression)
        }
    }

    /// `expression` as a SQL condition (a filter, a router group): true exactly when PowerCenter
    /// treats it as true; NULL and 0 are false.
    public func lowerCondition(_ expression: Expr, columns: [String: SQLExpression]) -> Result<
        SQLExpression, SQLLoweringFailure
    > {
        Result { () throws(SQLLoweringFailure) in
            let lowering = Lowering(self, columns: columns)
            try lowering.checkFoldedOperands(lowering.withNullPorts(expression))
            return try lowering.condition(expression)
        }
    }
}

/// One lowering run: the dialect, the options and the port columns.
struct Lowering {
    let dialect: any SQLDialect
    let options: SQLLoweringOptions
    let columns: [String: SQLExpression]

    init(_ lowering: SQLExpressionLowering, columns: [String: SQLExpression]) {
        dialect = lowering.dialect
        options = lowering.options
        self.columns = Dictionary(columns.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The node as a value (a comparison becomes 1, 0 or NULL).
    func value(_ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        if isPredicate(e) { return Self.truthValue(try condition(e)) }
        try keepsEmptyString(e)
        switch e.kind {
        case .number(let text): return try number(text, e)
        case .string(let text):
            return .literal(.string(text))
        case .null: return .literal(.null)
        case .boolean(let truth): return .literal(.integer(truth ? 1 : 0))
        case .reference(let name):
            guard let column = columns[name.uppercased()] else { throw fail(e, "'\(name)' is not a column here") }
            return column
        case .unary(.negate, let operand):
            return .unary(.negate, try integerArithmetic(e, [operand], [try numeric(operand)])[0])
        case .unary(.plus, let operand): return try numeric(operand)
        case .binary(let op, let left, let right): return try arithmetic(op, left, right, e)
        case .call(let name, let arguments): return try call(name, arguments, e)
        case .builtin(let name): throw builtin(name, e)
        // An Expression's calls are joins (SQLPipelineBuilder+LookupCalls), not values of a row.
        case .external(.lookup, let name, _):
            throw fail(e, "':LKP.\(name)' is lowered to SQL only in an Expression transformation")
        default: throw fail(e, "this construct is not lowered to SQL yet")
        }
    }

    /// The node as a SQL predicate: NULL and 0 are not true (G3, G7).
    func condition(_ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        switch e.kind {
        case .boolean(let truth): return .binary(.equal, .literal(.integer(1)), .literal(.integer(truth ? 1 : 0)))
        // NULL is neither true nor false: `1 = NULL` is SQL's unknown, so NOT, AND and OR keep
        // PowerCenter's three-valued results (case 10) and a filter or IIF treats it as false (case 3).
        case .null: return .binary(.equal, .literal(.integer(1)), .literal(.null))
        case .call("IS_NUMBER", let arguments) where arguments.count == 1: return try isNumber(arguments[0], e)
        case .unary(.not, let operand): return .unary(.not, try condition(operand))
        case .binary(.and, let left, let right): return .binary(.and, try condition(left), try condition(right))
        case .binary(.or, let left, let right): return .binary(.or, try condition(left), try condition(right))
        case .binary(let op, let left, let right) where Self.comparisons[op] != nil:
            return try comparison(op, left, right, e)
        case .call("ISNULL", let arguments) where arguments.count == 1:
            return .isNull(try value(arguments[0]), negated: false)
        default:
            guard e.type?.isNumeric == true else { throw fail(e, "only numbers and comparisons are conditions") }
            return .binary(.notEqual, try value(e), .literal(.integer(0)))
        }
    }

    /// Whether the node is naturally a SQL predicate.
    func isPredicate(_ e: Expr) -> Bool {
        switch e.kind {
        case .unary(.not, _): return true
        case .binary(let op, _, _): return op == .and || op == .or || Self.comparisons[op] != nil
        case .call("ISNULL", _), .call("IS_NUMBER", _): return true
        default: return false
        }
    }

    /// A predicate as PowerCenter's number: 1 when true, 0 when false, NULL when unknown.
    static func truthValue(_ predicate: SQLExpression) -> SQLExpression {
        .caseWhen(
            branches: [
                SQLWhen(predicate, then: .literal(.integer(1))),
                SQLWhen(.unary(.not, predicate), then: .literal(.integer(0))),
            ], otherwise: nil)
    }

    static let comparisons: [BinaryOperator: SQLBinaryOperator] = [
        .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessOrEqual, .greater: .greater,
        .greaterEqual: .greaterOrEqual,
    ]

    /// A dialect that does not keep `''` (Oracle: NULL, Sybase ASE: a blank) cannot compute a
    /// string that may be empty; only columns and non-empty literals pass there.
    /// The dialect is asked only about a string that can be empty, so that a lowering without
    /// one stands for dialects that differ in this alone (``SQLDialectRecord``).
    func keepsEmptyString(_ e: Expr) throws(SQLLoweringFailure) {
        guard e.type?.isString == true else { return }
        switch e.kind {
        case .reference, .null: return
        case .string(let text) where !text.isEmpty: return
        case .call("TO_CHAR", let arguments) where arguments.count == 2 && arguments[0].type?.family == .dateTime:
            return  // a format has a date field (SQLDateFormat), so the text is never ''
        case .call("TO_CHAR", let arguments) where arguments.count == 1:
            // Lowered only as a string's own text, checked when it is lowered, or a whole number's
            // digits, never '' (``plainText(_:_:refusing:)``); with any other argument the call is
            // refused when it is lowered.
            return
        default:
            guard !dialect.keepsEmptyStrings else { return }
            throw fail(e, "\(dialect.name) does not keep '' apart from NULL and blanks; this string can be ''")
        }
    }

    func fail(_ e: Expr, _ reason: String) -> SQLLoweringFailure {
        SQLLoweringFailure(range: e.range, reason: reason)
    }
}
