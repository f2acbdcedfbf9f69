/// The signature of something an expression calls by name: an unconnected lookup or a
/// user-defined function.
public struct CallableSignature: Hashable, Sendable {
    /// The argument types, in order.
    public var argumentTypes: [DataType]
    /// The result type.
    public var returnType: DataType

    /// Creates a signature.
    public init(argumentTypes: [DataType], returnType: DataType) {
        self.argumentTypes = argumentTypes
        self.returnType = returnType
    }
}

/// What the names of an expression refer to, and where the expression is written.
///
/// All names are matched case-insensitively (reference §3.1).
public struct TypeEnvironment: Sendable {
    /// The ports (and variable ports) visible to the expression, by name.
    public private(set) var ports: [String: DataType] = [:]
    /// Mapping parameters and variables (`$$X`), session parameters (`$X`) and workflow variables.
    public private(set) var parameters: [String: DataType] = [:]
    /// Unconnected lookups callable as `:LKP.name(...)`.
    public private(set) var lookups: [String: CallableSignature] = [:]
    /// Unconnected lookups that have no port flagged RETURN, so a `:LKP.name(...)` call has no
    /// value (reference §2.6: an unconnected lookup returns the single port flagged RETURN).
    public private(set) var lookupsWithoutReturn: Set<String> = []
    /// User-defined functions callable as `:UDF.name(...)`.
    public private(set) var userFunctions: [String: CallableSignature] = [:]
    /// The task names a workflow condition may use in `$task.Attribute`, or nil to accept any.
    public private(set) var tasks: Set<String>?
    /// Where the expression is written; decides whether aggregate and variable functions,
    /// task variables and status names are allowed.
    public var site: ExpressionSite
    /// The session's "Enable high precision" switch: when off (the default), decimal arithmetic is
    /// done in double and decimals of more than 15 digits are treated as double (reference §3.3, §4.4).
    public var highPrecision: Bool
    /// Whether IIF/DECODE/CHOOSE results must all be of the first result's family. BELIEVED
    /// (reference §3.4.6): the result type is the first result's and the others are converted, so by
    /// default (false) a number result after a string one (or the reverse) is converted, with a note;
    /// true rejects the mix as an error, as the Designer's stricter validation would.
    public var resultFamiliesMustMatch = false

    /// Creates an environment.
    public init(
        ports: [String: DataType] = [:], parameters: [String: DataType] = [:],
        lookups: [String: CallableSignature] = [:], userFunctions: [String: CallableSignature] = [:],
        tasks: [String]? = nil, site: ExpressionSite = .expression, highPrecision: Bool = false,
        lookupsWithoutReturn: [String] = []
    ) {
        self.site = site
        self.highPrecision = highPrecision
        for (name, type) in ports { self.ports[name.uppercased()] = type }
        for (name, type) in parameters { self.parameters[name.uppercased()] = type }
        for (name, signature) in lookups { self.lookups[name.uppercased()] = signature }
        for (name, signature) in userFunctions { self.userFunctions[name.uppercased()] = signature }
        self.tasks = tasks.map { Set($0.map { $0.uppercased() }) }
        self.lookupsWithoutReturn = Set(lookupsWithoutReturn.map { $0.uppercased() })
    }

    /// Whether aggregate functions are allowed (Aggregator and Rank ports).
    public var isAggregateContext: Bool { CatalogTypes.aggregateSites.contains(site) }

    /// Whether the expression is a workflow condition, where `$task.Status` and status names such
    /// as `SUCCEEDED` are allowed.
    public var isWorkflowCondition: Bool { site == .workflow }

    /// The type of a port, by name in any case.
    public func portType(_ name: String) -> DataType? { ports[name.uppercased()] }

    /// The type of a parameter or variable, by name in any case; a mapplet-qualified name
    /// (`mplt.$$P`) also matches its unqualified declaration.
    public func parameterType(_ name: String) -> DataType? {
        let upper = name.uppercased()
        if let type = parameters[upper] { return type }
        if let dot = upper.lastIndex(of: ".") { return parameters[String(upper[upper.index(after: dot)...])] }
        return nil
    }

    /// The signature of an unconnected lookup, by name in any case.
    public func lookup(_ name: String) -> CallableSignature? { lookups[name.uppercased()] }

    /// Whether `name` is an unconnected lookup without a return port, by name in any case.
    public func isLookupWithoutReturn(_ name: String) -> Bool { lookupsWithoutReturn.contains(name.uppercased()) }

    /// The signature of a user-defined function, by name in any case.
    public func userFunction(_ name: String) -> CallableSignature? { userFunctions[name.uppercased()] }

    /// Whether a workflow task of this name exists (always true when tasks are not known).
    public func hasTask(_ name: String) -> Bool { tasks?.contains(name.uppercased()) ?? true }

    /// Adds or replaces a port.
    public mutating func setPort(_ name: String, _ type: DataType) { ports[name.uppercased()] = type }

    /// Adds or replaces a parameter or variable.
    public mutating func setParameter(_ name: String, _ type: DataType) { parameters[name.uppercased()] = type }
}
