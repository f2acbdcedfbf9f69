import IR

/// An expression of the SQL syntax tree that lowering builds and ``SQLPrinter`` prints.
///
/// The tree is dialect-neutral in shape; dialect differences are decided while lowering (which
/// function to call, which type to cast to) or while printing (quoting, literal syntax, operator
/// spelling, NULL ordering). Names are stored unquoted; the printer quotes them per dialect.
public indirect enum SQLExpression: Hashable, Sendable {
    /// A column, optionally qualified by a table or CTE alias.
    case column(table: String?, name: String)
    /// A typed literal.
    case literal(SQLLiteral)
    /// A unary operation (`NOT x`, `-x`).
    case unary(SQLUnaryOperator, SQLExpression)
    /// A binary operation; the printer adds parentheses from operator precedence.
    case binary(SQLBinaryOperator, SQLExpression, SQLExpression)
    /// A function call; the lowering has chosen the dialect's own function name.
    case function(name: String, arguments: [SQLExpression])
    /// `CASE WHEN … THEN … [ELSE …] END`.
    case caseWhen(branches: [SQLWhen], otherwise: SQLExpression?)
    /// `CAST(x AS type)`.
    case cast(SQLExpression, SQLType)
    /// `x IS [NOT] NULL`.
    case isNull(SQLExpression, negated: Bool)
    /// `x [NOT] IN (a, b, …)`.
    case inList(SQLExpression, [SQLExpression], negated: Bool)
    /// A window function: `f(…) OVER (PARTITION BY … ORDER BY …)`.
    case window(SQLExpression, partitionBy: [SQLExpression], orderBy: [SQLOrdering])
    /// A scalar sub-query.
    case subquery(SQLQuery)
    /// `[NOT] EXISTS (sub-query)`.
    case exists(SQLQuery, negated: Bool)
    /// `*` or `t.*`.
    case star(table: String?)
    /// `value COLLATE collation`, the collation written as the dialect spells it (`"C"`).
    case collate(SQLExpression, collation: String)
    /// A condition written by the mapping's author in the source database's own SQL (a source
    /// qualifier's source filter or user-defined join, a lookup's source filter), with its `$$`
    /// parameters already substituted. Trusted text from the export, not translated: the lowering
    /// emits it only when the dialect is that database's, and the printer writes it as-is between
    /// parentheses.
    case verbatim(String)
}

/// One `WHEN condition THEN result` branch of a `CASE`.
public struct SQLWhen: Hashable, Sendable {
    /// The condition.
    public var condition: SQLExpression
    /// The value when the condition is true.
    public var result: SQLExpression

    /// Creates a branch.
    public init(_ condition: SQLExpression, then result: SQLExpression) {
        self.condition = condition
        self.result = result
    }
}

/// A literal value. Strings are escaped by the printer; numbers keep their exact text.
public enum SQLLiteral: Hashable, Sendable {
    /// NULL (typed by a cast where the dialect needs one).
    case null
    /// A character string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// An exact decimal number, as its canonical text (`-12.50`).
    case decimal(String)
    /// A binary floating-point number.
    case double(Double)
    /// TRUE or FALSE (printed as 1/0 where the dialect has no boolean literals).
    case boolean(Bool)
    /// A calendar date, `YYYY-MM-DD`.
    case date(String)
    /// A timestamp, `YYYY-MM-DD HH:MM:SS[.fffffffff]`.
    case timestamp(String)
}

/// Unary operators.
public enum SQLUnaryOperator: String, Hashable, Sendable {
    /// Logical negation.
    case not = "NOT"
    /// Arithmetic negation.
    case negate = "-"
}

/// Binary operators, with the precedence the printer parenthesises by.
public enum SQLBinaryOperator: String, Hashable, Sendable, CaseIterable {
    case or = "OR"
    case and = "AND"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case like = "LIKE"
    case concat = "||"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"

    /// Binding strength: higher binds tighter (the common order of the ten dialects).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .like: 4
        case .concat: 5
        case .add, .subtract: 6
        case .multiply, .divide, .modulo: 7
        }
    }

    /// Whether `a op (b op c)` equals `(a op b) op c` for every type, so a right operand of the
    /// same precedence needs no parentheses. Not `+` and `*`: with doubles, 64-bit overflow and
    /// timestamp-plus-interval sums the grouping changes the result (and `a + (b - c)` is not
    /// `a + b - c` either), so they keep the grouping the lowering built.
    public var isAssociative: Bool {
        switch self {
        case .or, .and, .concat: true
        default: false
        }
    }
}

/// One `ORDER BY` item.
public struct SQLOrdering: Hashable, Sendable {
    /// Where NULLs go.
    public enum Nulls: Hashable, Sendable {
        /// The dialect's default (avoid in generated SQL: defaults differ between dialects).
        case unspecified
        /// NULLs before all values.
        case first
        /// NULLs after all values.
        case last
    }

    /// The sort key.
    public var expression: SQLExpression
    /// Whether the order is descending.
    public var descending: Bool
    /// Where NULLs go.
    public var nulls: Nulls

    /// Creates an ordering item.
    public init(_ expression: SQLExpression, descending: Bool = false, nulls: Nulls) {
        self.expression = expression
        self.descending = descending
        self.nulls = nulls
    }
}

/// A SQL column type, independent of spelling (``SQLDialect/typeName(_:)`` spells it).
public enum SQLType: Hashable, Sendable {
    /// Variable-length characters; `nil` length means the dialect's unbounded text type.
    case varchar(Int?)
    /// Variable-length Unicode characters.
    case nvarchar(Int?)
    /// 16-bit integer.
    case smallint
    /// 32-bit integer.
    case integer
    /// 64-bit integer.
    case bigint
    /// Exact decimal.
    case decimal(precision: Int, scale: Int)
    /// 8-byte float.
    case double
    /// 4-byte float.
    case real
    /// Date and time with `fraction` fractional-second digits.
    case timestamp(fraction: Int)
    /// Calendar date.
    case date
    /// Raw bytes.
    case binary(Int?)
    /// Boolean.
    case boolean
}

extension SQLType {
    /// The SQL type that holds values of a transformation datatype.
    public init(_ type: DataType) {
        switch type {
        case .string(let p): self = .varchar(p > 0 ? p : nil)
        case .nstring(let p): self = .nvarchar(p > 0 ? p : nil)
        case .text: self = .varchar(nil)
        case .ntext: self = .nvarchar(nil)
        case .integer: self = .integer
        case .smallInteger: self = .smallint
        case .bigInteger: self = .bigint
        case .decimal(let p, let s): self = .decimal(precision: p, scale: s)
        case .double: self = .double
        case .real: self = .real
        case .dateTime(_, let s): self = .timestamp(fraction: s)
        case .binary(let p): self = .binary(p > 0 ? p : nil)
        }
    }
}

extension SQLExpression {
    /// Whether this is a NULL constant: `NULL` or a cast of it (a port no connector feeds).
    var isNullConstant: Bool {
        switch self {
        case .literal(.null): true
        case .cast(let inner, _): inner.isNullConstant
        default: false
        }
    }

    /// Whether the database gives this no type of its own: `NULL`, or a CASE whose every result
    /// is such (`IIF(c, NULL, NULL)`; PostgreSQL types it text, SQL Server int).
    var isUntypedNull: Bool {
        switch self {
        case .literal(.null): true
        case .caseWhen(let branches, let otherwise):
            branches.allSatisfy(\.result.isUntypedNull) && (otherwise?.isUntypedNull ?? true)
        default: false
        }
    }

    /// `a AND b AND …` (left to right), nil for no condition.
    static func all(_ conditions: [SQLExpression]) -> SQLExpression? {
        conditions.first.map { first in conditions.dropFirst().reduce(first) { .binary(.and, $0, $1) } }
    }

    /// `a OR b OR …` (left to right), nil for no condition.
    static func any(_ conditions: [SQLExpression]) -> SQLExpression? {
        conditions.first.map { first in conditions.dropFirst().reduce(first) { .binary(.or, $0, $1) } }
    }

    /// A condition true on every row but those where `condition` holds, on which evaluating it
    /// stops the statement with `failure`: `CASE WHEN condition THEN failure ELSE 1 END = 1`. In a
    /// `WHERE`, every row evaluates it, whether or not a later port reads the value it guards.
    static func failing(when condition: SQLExpression, _ failure: SQLExpression) -> SQLExpression {
        .binary(
            .equal, .caseWhen(branches: [SQLWhen(condition, then: failure)], otherwise: .literal(.integer(1))),
            .literal(.integer(1)))
    }
}

extension SQLExpression {
    /// Whether `predicate` holds for one of the expressions this one is made of, tried in order:
    /// operands, arguments, each `CASE` branch's condition and result then its `ELSE`, an `IN`
    /// value and list, a window's function, partition and order; not those inside a sub-query.
    func containsChild(where predicate: (SQLExpression) -> Bool) -> Bool {
        switch self {
        case .unary(_, let operand), .cast(let operand, _), .isNull(let operand, _), .collate(let operand, _):
            predicate(operand)
        case .binary(_, let left, let right): predicate(left) || predicate(right)
        case .function(_, let arguments): arguments.contains(where: predicate)
        case .caseWhen(let branches, let otherwise):
            branches.contains { predicate($0.condition) || predicate($0.result) } || otherwise.map(predicate) == true
        case .inList(let value, let list, _): predicate(value) || list.contains(where: predicate)
        case .window(let function, let partition, let order):
            predicate(function) || partition.contains(where: predicate) || order.contains { predicate($0.expression) }
        case .column, .literal, .star, .verbatim, .subquery, .exists: false
        }
    }

    /// Calls `body` on each expression this one is made of, in ``containsChild(where:)``'s order.
    func forEachChild(_ body: (SQLExpression) -> Void) {
        _ = containsChild { child in
            body(child)
            return false
        }
    }
}
