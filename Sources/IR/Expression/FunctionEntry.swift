/// The reference's grouping of the transformation language's functions (reference §3.4).
public enum FunctionCategory: String, Hashable, Sendable, CaseIterable {
    /// §3.4.1 character functions.
    case character
    /// §3.4.2 conversion functions.
    case conversion
    /// §3.4.3 date functions.
    case date
    /// §3.4.4 numeric functions.
    case numeric
    /// §3.4.5 scientific functions.
    case scientific
    /// §3.4.6 special functions.
    case special
    /// §3.4.7 test functions.
    case test
    /// §3.4.8 variable functions.
    case variable
    /// §3.4.9 aggregate functions.
    case aggregate
    /// §3.4.10 financial functions.
    case financial
    /// §3.4.11 encoding and miscellaneous functions.
    case encoding
}

/// What an argument position accepts.
public enum ArgumentKind: String, Hashable, Sendable, CaseIterable {
    /// Character data; numbers and dates are converted to strings implicitly.
    case string
    /// A number; strings are converted by their numeric prefix.
    case numeric
    /// A number, or a string to parse as one, converted explicitly (TO_INTEGER, TO_DECIMAL, ...).
    case numberText
    /// A number used as a whole count or position (decimals are rounded or truncated).
    case integer
    /// A date; strings are converted with the session date format.
    case date
    /// Any value except binary.
    case any
    /// A value whose type decides the result (IIF/DECODE results, CHOOSE choices, GREATEST values).
    case result
    /// A condition: a number where non-zero is TRUE.
    case condition
    /// A date format string (TO_CHAR/TO_DATE/IS_DATE); literals are not validated.
    case dateFormat
    /// A date-part format string (`'MM'`, `'YYYY'`, ...); literals are validated.
    case datePart
    /// A numeric flag (case flag, truncate flag, annuity type).
    case flag
    /// A `$$` mapping variable (the first argument of the SET...VARIABLE functions).
    case mappingVariable
    /// Raw bytes or character data (encoding functions).
    case bytes
}

/// One argument position of a signature.
public struct FunctionParameter: Hashable, Sendable {
    /// What the position accepts.
    public var kind: ArgumentKind
    /// Whether the argument may be omitted.
    public var isOptional: Bool

    /// Creates a parameter.
    public init(_ kind: ArgumentKind, optional: Bool = false) {
        self.kind = kind
        self.isOptional = optional
    }
}

/// How a call's result type is derived from its arguments.
public enum ResultRule: Hashable, Sendable {
    /// Always this type.
    case fixed(DataType)
    /// The type of argument `n` (0-based).
    case sameAsArgument(Int)
    /// The type of the first `result` argument; numeric results take the one of greatest precision
    /// and strings the longest (IIF, DECODE, CHOOSE, GREATEST, LEAST).
    case firstResult
    /// The numeric promotion of the numeric arguments (integer stays integer, decimal, double).
    case numericPromotion
    /// A string as long as argument `n` renders (a numeric or date argument is rendered first).
    case stringWithPrecisionOfArgument(Int)
    /// A string of fixed precision.
    case stringOfPrecision(Int)
    /// A string as long as the literal length argument `n` (LPAD/RPAD), else as argument 0.
    case padded(lengthArgument: Int)
    /// A decimal of precision 28 whose scale is the literal argument `n` (0 when absent).
    case decimalWithScaleArgument(Int)
    /// Binary data as long as argument `n`.
    case binaryWithPrecisionOfArgument(Int)
    /// A string as long as all string arguments together (CONCAT).
    case concatenation
    /// The type of the mapping variable named by argument `n`.
    case variableType(Int)
    /// Not knowable from the arguments (LOOKUP).
    case unknown
}

/// Whether a function returns the same value for the same arguments.
public enum Volatility: String, Hashable, Sendable, CaseIterable {
    /// Same arguments, same result.
    case deterministic
    /// Depends on earlier rows or on mapping-variable state (CUME, MOVINGSUM, SETVARIABLE, ...).
    case stateful
    /// Depends on the clock or a random source (SYSTIMESTAMP, RAND, UUID4, ...).
    case nondeterministic
}

/// Where an expression is written: the transformation or workflow object that holds it.
public enum ExpressionSite: String, Hashable, Sendable, CaseIterable {
    /// An Expression transformation port.
    case expression
    /// A Filter condition.
    case filter
    /// A Router group condition.
    case router
    /// An Update Strategy expression.
    case updateStrategy
    /// An Aggregator port.
    case aggregator
    /// A Rank port.
    case rank
    /// A Transaction Control condition.
    case transactionControl
    /// A Lookup, Joiner, Sorter, Normalizer or other transformation's port or condition.
    case otherTransformation
    /// A workflow link condition, Decision or Assignment expression.
    case workflow
}

/// One signature of a function: leading positions, an optional repeated group, trailing positions.
///
/// A call matches when its arguments fill the required leading positions, any optional leading
/// positions in order, `minimumRepetitions` or more copies of `repeated`, and the trailing positions.
public struct FunctionSignature: Hashable, Sendable {
    /// The positions before the repeated group (optional ones only when there is no group).
    public var leading: [FunctionParameter]
    /// The repeated group (empty when the function has fixed arity).
    public var repeated: [ArgumentKind]
    /// How many copies of the group a call needs at least.
    public var minimumRepetitions: Int
    /// The positions after the repeated group (optional ones last).
    public var trailing: [FunctionParameter]
    /// How the result type is derived.
    public var result: ResultRule

    /// Creates a signature.
    public init(
        _ leading: [FunctionParameter], repeated: [ArgumentKind] = [], minimumRepetitions: Int = 0,
        trailing: [FunctionParameter] = [], result: ResultRule
    ) {
        self.leading = leading
        self.repeated = repeated
        self.minimumRepetitions = minimumRepetitions
        self.trailing = trailing
        self.result = result
    }

    /// The fewest arguments a call may pass.
    public var minimumArity: Int {
        (leading + trailing).filter { !$0.isOptional }.count + repeated.count * minimumRepetitions
    }

    /// The most arguments a call may pass, or nil when unbounded.
    public var maximumArity: Int? {
        repeated.isEmpty ? leading.count + trailing.count : nil
    }

    /// The kind of each argument for a call with `count` arguments, or nil when the count does not fit.
    public func argumentKinds(count: Int) -> [ArgumentKind]? {
        guard count >= minimumArity, maximumArity.map({ count <= $0 }) ?? true else { return nil }
        let requiredLeading = leading.filter { !$0.isOptional }.count
        let requiredTrailing = trailing.filter { !$0.isOptional }.count
        if repeated.isEmpty {
            let usedLeading = min(leading.count, count - requiredTrailing)
            let leadingKinds = leading.prefix(max(usedLeading, requiredLeading)).map(\.kind)
            return leadingKinds + trailing.prefix(count - leadingKinds.count).map(\.kind)
        }
        let optionalTrailing = trailing.count - requiredTrailing
        for omitted in stride(from: optionalTrailing, through: 0, by: -1) {
            let tail = trailing.count - omitted
            let middle = count - leading.count - tail
            guard middle >= repeated.count * minimumRepetitions, middle % repeated.count == 0 else { continue }
            let group = Array(repeatElement(repeated, count: middle / repeated.count).joined())
            return leading.map(\.kind) + group + trailing.prefix(tail).map(\.kind)
        }
        return nil
    }
}

/// One function of the transformation language, as data.
public struct FunctionEntry: Hashable, Sendable {
    /// The name in upper case.
    public var name: String
    /// The reference section it belongs to.
    public var category: FunctionCategory
    /// The accepted call shapes; the first whose leading argument type fits is used.
    public var signatures: [FunctionSignature]
    /// Whether the function aggregates over rows.
    public var isAggregate: Bool
    /// Whether an aggregate may contain one level of nested aggregate (`MAX(COUNT(x))`).
    public var allowsNestedAggregate: Bool
    /// Whether results depend only on the arguments.
    public var volatility: Volatility
    /// The sites where the function may be used, or nil when it may be used anywhere.
    public var allowedSites: Set<ExpressionSite>?
    /// Whether the converter supports the function at all (LOOKUP does not).
    public var isSupported: Bool
    /// A short note, with the reference's BELIEVED/CONFLICT markers.
    public var note: String

    /// Creates an entry.
    public init(
        _ name: String, _ category: FunctionCategory, _ signatures: [FunctionSignature],
        aggregate: Bool = false, nesting: Bool = false, volatility: Volatility = .deterministic,
        sites: Set<ExpressionSite>? = nil, supported: Bool = true, note: String = ""
    ) {
        self.name = name
        self.category = category
        self.signatures = signatures
        self.isAggregate = aggregate
        self.allowsNestedAggregate = nesting
        self.volatility = volatility
        self.allowedSites = sites
        self.isSupported = supported
        self.note = note
    }

    /// Whether results depend only on the arguments.
    public var isDeterministic: Bool { volatility == .deterministic }

    /// The fewest arguments any signature takes.
    public var minimumArity: Int { signatures.map(\.minimumArity).min() ?? 0 }

    /// The most arguments any signature takes, or nil when unbounded.
    public var maximumArity: Int? {
        let maxima = signatures.map(\.maximumArity)
        return maxima.contains(where: { $0 == nil }) ? nil : maxima.compactMap { $0 }.max()
    }

    /// The allowed argument counts, as text: `1`, `1 to 3`, `3 or more`.
    public var arityDescription: String {
        guard let maximum = maximumArity else { return "\(minimumArity) or more" }
        return maximum == minimumArity ? "\(maximum)" : "\(minimumArity) to \(maximum)"
    }
}
