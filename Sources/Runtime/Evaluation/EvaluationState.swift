import IR

/// How the row being evaluated is flagged: decides whether variable functions act (G18).
public enum RowKind: String, Hashable, Sendable, CaseIterable {
    /// DD_INSERT (0), the default for rows read from a source.
    case insert
    /// DD_UPDATE (1).
    case update
    /// DD_DELETE (2).
    case delete
    /// DD_REJECT (3).
    case reject
}

/// What an evaluation may read and change besides the row: mapping-variable values, the row kind
/// and the random number state.
public struct EvaluationState: Hashable, Sendable {
    /// The current values of `$$` mapping variables, keyed by upper-case name without `$$`.
    public var mappingVariables: [String: Value]
    /// The kind of the current row.
    public var rowKind: RowKind
    /// The state of RAND's generator (a 64-bit linear congruential sequence), kept here so that
    /// there is no global mutable state.
    public var randomState: UInt64
    /// The running state of CUME, MOVINGSUM and MOVINGAVG, one entry per call site.
    var windows: [WindowKey: WindowState] = [:]

    /// Creates a state; `mappingVariables` keys may be given in any case, with or without `$$`.
    public init(mappingVariables: [String: Value] = [:], rowKind: RowKind = .insert, randomState: UInt64 = 0) {
        self.mappingVariables = [:]
        for (name, value) in mappingVariables { self.mappingVariables[Self.key(name)] = value }
        self.rowKind = rowKind
        self.randomState = randomState
    }

    /// The dictionary key of a mapping variable name: upper case, `$$` removed, mapplet prefix kept off.
    public static func key(_ name: String) -> String {
        var upper = name.uppercased()
        if let dot = upper.lastIndex(of: ".") { upper = String(upper[upper.index(after: dot)...]) }
        while upper.hasPrefix("$") { upper.removeFirst() }
        return upper
    }
}

/// A function an external call (`:LKP.`, `:SP.`, `:UDF.`) resolves to: it receives the evaluated
/// arguments and returns the value, or fails the row.
public typealias ExternalFunction = @Sendable ([Value], inout EvaluationState) throws(RowError) -> Value

/// Resolves `:LKP.name(...)` calls (unconnected lookups) when an expression is compiled.
public protocol LookupResolver: Sendable {
    /// The function to call for lookup `name` with `arity` arguments, or nil when unknown.
    func lookupFunction(named name: String, arity: Int) -> ExternalFunction?
}

/// Resolves `:UDF.name(...)` (and `:SP.`) calls when an expression is compiled.
public protocol UserFunctionResolver: Sendable {
    /// The function to call for `kind`/`name` with `arity` arguments, or nil when unknown.
    func userFunction(_ kind: ExternalCallKind, named name: String, arity: Int) -> ExternalFunction?
}
