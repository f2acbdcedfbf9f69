import IR

/// Where a checked expression is written.
public enum TypedExpressionKind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// A variable or output port's expression.
    case portExpression = "port expression"
    /// A port's default value.
    case defaultValue = "default value"
    /// A Filter condition.
    case filterCondition = "filter condition"
    /// A Joiner condition.
    case joinCondition = "join condition"
    /// A Lookup condition.
    case lookupCondition = "lookup condition"
    /// A Router group condition.
    case routerGroup = "router group"
    /// An Update Strategy expression.
    case rowKind = "row-kind expression"
    /// A Transaction Control condition.
    case transactionControl = "transaction-control condition"
    /// The body of a user-defined function.
    case userFunctionBody = "user-function body"
    /// A `$$` name substituted into SQL text or another attribute.
    case sqlParameter = "sql parameter"
    /// A workflow link condition.
    case linkCondition = "link condition"
    /// A Decision task condition.
    case decisionCondition = "decision condition"
    /// An Assignment task expression.
    case assignment = "assignment"

    /// Orders by declaration order.
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Counts over the expressions checked: how many of each kind, the functions they call, and the
/// diagnostics by code.
public struct ExpressionTypingSummary: Hashable, Sendable {
    /// Expressions parsed and type checked, by kind.
    public var checked: [TypedExpressionKind: Int] = [:]
    /// Empty texts skipped (an empty attribute means "no expression").
    public var blank = 0
    /// Calls of built-in functions, by upper-case name.
    public var functions: [String: Int] = [:]
    /// Calls of `:LKP.`, `:UDF.`, `:SP.` and `:MCR.`, by kind.
    public var externalCalls: [String: Int] = [:]
    /// Diagnostics by code.
    public var codes: [DiagnosticCode: Int] = [:]
    /// The severity of each code in ``codes``.
    public var severities: [DiagnosticCode: Severity] = [:]

    /// Creates an empty summary.
    public init() {}

    /// The number of expressions checked, of all kinds.
    public var totalChecked: Int { checked.values.reduce(0, +) }

    /// The number of diagnostics of `severity`.
    public func count(_ severity: Severity) -> Int {
        codes.filter { severities[$0.key] == severity }.values.reduce(0, +)
    }

    /// Counts the calls in `expression`.
    mutating func countCalls(in expression: Expr) {
        var stack = [expression]
        while let node = stack.popLast() {
            if case .call(let name, _) = node.kind { functions[name, default: 0] += 1 }
            if case .external(let kind, _, _) = node.kind { externalCalls[":\(kind.rawValue)", default: 0] += 1 }
            stack.append(contentsOf: node.children)
        }
    }

    /// Counts `diagnostics` by code.
    mutating func count(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            codes[diagnostic.code, default: 0] += 1
            severities[diagnostic.code] = diagnostic.severity
        }
    }

    /// Adds the counts of `other`.
    public mutating func add(_ other: ExpressionTypingSummary) {
        checked.merge(other.checked, uniquingKeysWith: +)
        blank += other.blank
        functions.merge(other.functions, uniquingKeysWith: +)
        externalCalls.merge(other.externalCalls, uniquingKeysWith: +)
        codes.merge(other.codes, uniquingKeysWith: +)
        severities.merge(other.severities, uniquingKeysWith: { a, _ in a })
    }

    /// A readable multi-line report of the counts.
    public func report() -> String {
        let kinds = checked.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
        let diagnostics = codes.sorted { $0.key < $1.key }.map {
            "\($0.key) (\(severities[$0.key]?.rawValue ?? "?")) \($0.value)"
        }
        return """
            expressions checked: \(totalChecked) (blank, skipped: \(blank))
              by kind: \(kinds.joined(separator: ", "))
            diagnostics: \(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes
              by code: \(diagnostics.isEmpty ? "none" : diagnostics.joined(separator: ", "))
            distinct functions: \(functions.count)
              \(functions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            external calls: \(externalCalls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            """
    }
}

/// The diagnostics of checking a pipeline or workflow, with the counts.
public struct ExpressionTypingReport: Hashable, Sendable {
    /// Every diagnostic, in the order found.
    public var diagnostics: [Diagnostic] = []
    /// The counts.
    public var summary = ExpressionTypingSummary()

    /// Creates an empty report.
    public init() {}

    /// Adds the diagnostics and counts of `other`.
    public mutating func add(_ other: ExpressionTypingReport) {
        diagnostics += other.diagnostics
        summary.add(other.summary)
    }
}
