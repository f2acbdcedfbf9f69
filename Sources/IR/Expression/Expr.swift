/// A half-open range of Unicode-scalar offsets into an expression's source text.
public struct TextRange: Hashable, Sendable {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset just past the last scalar.
    public var end: Int

    /// Creates a range.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The range covering both `self` and `other`.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
    /// `-x`
    case negate = "-"
    /// `+x`
    case plus = "+"
    /// `NOT x`
    case not = "NOT"
}

/// An infix operator, in the transformation language's precedence levels (reference §3.2).
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// `*`
    case multiply = "*"
    /// `/` (never integer division)
    case divide = "/"
    /// `%` (modulus, as MOD)
    case modulo = "%"
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `||` (NULL operands ignored)
    case concat = "||"
    /// `<`
    case less = "<"
    /// `<=`
    case lessEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterEqual = ">="
    /// `=`
    case equal = "="
    /// `<>`, also written `!=` or `^=`
    case notEqual = "<>"
    /// `AND`
    case and = "AND"
    /// `OR`
    case or = "OR"

    /// Binding strength: higher binds tighter (multiplicative 7 ... OR 1). All are left-associative.
    public var precedence: Int {
        switch self {
        case .multiply, .divide, .modulo: 7
        case .add, .subtract: 6
        case .concat: 5
        case .less, .lessEqual, .greater, .greaterEqual: 4
        case .equal, .notEqual: 3
        case .and: 2
        case .or: 1
        }
    }

    /// The precedence of the prefix operators (above every infix operator).
    public static let unaryPrecedence = 8
}

/// What a `:KIND.name(...)` call refers to.
public enum ExternalCallKind: String, Hashable, Sendable, CaseIterable {
    /// `:LKP.` an unconnected lookup.
    case lookup = "LKP"
    /// `:SP.` a stored procedure.
    case storedProcedure = "SP"
    /// `:UDF.` a user-defined function.
    case userFunction = "UDF"
    /// `:MCR.` a macro.
    case macro = "MCR"
}

/// The shape of an expression node.
public indirect enum ExprKind: Hashable, Sendable {
    /// A numeric literal as written (`10`, `10.50`, `1e3`).
    case number(String)
    /// A string literal's value (quotes removed, doubled quotes undone).
    case string(String)
    /// `NULL`.
    case null
    /// `TRUE` or `FALSE` (the numbers 1 and 0).
    case boolean(Bool)
    /// A named constant: `DD_INSERT`, `DD_UPDATE`, `DD_DELETE`, `DD_REJECT`, `TC_*` (upper case).
    case constant(String)
    /// A built-in variable: `SYSDATE`, `SESSSTARTTIME`, `WORKFLOWSTARTTIME`, `$$$SessStartTime`.
    case builtin(String)
    /// A port, variable-port or (in workflow conditions) task or status name, as written.
    case reference(String)
    /// A `$$` mapping parameter/variable, `$` session parameter or `$PM` service variable, as
    /// written (`$$LOAD_DATE`, `$DBConnection_SRC`, `mplt.$$P`).
    case parameter(String)
    /// A predefined task variable in a workflow condition: `$s_load.Status`.
    case taskVariable(task: String, attribute: String)
    /// A prefix operation.
    case unary(UnaryOperator, Expr)
    /// An infix operation.
    case binary(BinaryOperator, Expr, Expr)
    /// A function call; the name is upper case.
    case call(name: String, arguments: [Expr])
    /// A `:LKP.`, `:SP.`, `:UDF.` or `:MCR.` call; the name as written.
    case external(ExternalCallKind, name: String, arguments: [Expr])
    /// `*` as the argument of `COUNT(*)`.
    case star
    /// Where the parser recovered from an error (always accompanied by a diagnostic).
    case invalid
}

/// An expression of the transformation language: a node with its source range and, once type
/// checked, its type.
public struct Expr: Hashable, Sendable {
    /// The node's shape and children.
    public var kind: ExprKind
    /// Where the node is in the source text.
    public var range: TextRange
    /// The node's type after type checking (nil before, or where it cannot be known).
    public var type: DataType?

    /// Creates a node.
    public init(_ kind: ExprKind, range: TextRange, type: DataType? = nil) {
        self.kind = kind
        self.range = range
        self.type = type
    }

    /// The direct children, in source order.
    public var children: [Expr] {
        switch kind {
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .call(_, let arguments), .external(_, _, let arguments): arguments
        default: []
        }
    }
}
