/// Builds the type environments the expressions of a pipeline see: per node its ports, and for
/// every node the pipeline's parameters, unconnected lookups and user-defined functions. The
/// runtime compiles with it and SQL lowering types the expressions it lowers with it.
public struct PipelineTypeEnvironment: Sendable {
    /// The mapping parameters and variables, by name.
    public let parameters: [String: DataType]
    /// The unconnected lookups, callable as `:LKP.name`.
    public let lookups: [String: CallableSignature]
    /// The unconnected lookups without a port flagged RETURN.
    public let lookupsWithoutReturn: [String]
    /// The user-defined functions, callable as `:UDF.name`.
    public let userFunctions: [String: CallableSignature]
    /// The session's "Enable high precision" switch.
    public let highPrecision: Bool

    /// The environments of `pipeline`'s expressions, with the user functions' signatures given
    /// by upper-case name.
    public init(pipeline: Pipeline, userFunctions: [String: CallableSignature], highPrecision: Bool) {
        parameters = Dictionary(pipeline.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        (lookups, lookupsWithoutReturn) = Self.unconnectedLookups(of: pipeline)
        self.userFunctions = userFunctions
        self.highPrecision = highPrecision
    }

    /// The environment of the expressions of `node`: its ports (a router's input group first, so
    /// that its names win), the pipeline's parameters, lookups and user functions, and the site
    /// its kind of transformation gives.
    public func environment(of node: Node) -> TypeEnvironment {
        var ports = node.ports
        if case .route(let spec) = node.op {
            ports = ports.filter { $0.group == spec.inputGroup } + ports.filter { $0.group != spec.inputGroup }
        }
        let (lookups, withoutReturn) = lookups(seenBy: node.id)
        return TypeEnvironment(
            ports: Dictionary(ports.map { ($0.name.uppercased(), $0.type) }, uniquingKeysWith: { a, _ in a }),
            parameters: parameters(seenBy: node.id), lookups: lookups, userFunctions: userFunctions,
            site: Self.site(of: node.op),
            highPrecision: highPrecision, lookupsWithoutReturn: withoutReturn)
    }

    /// The unconnected lookups the expressions of node `id` call by name: the pipeline's, and for
    /// a node of an expanded mapplet instance (`MPL_2.EXP`) each lookup of that instance
    /// (`MPL_2.LKP_X`) also under the name the mapplet's expressions write (`LKP_X`), as
    /// ``Node/mappletScopes(of:)`` orders them: another mapplet's lookup of the same name is not
    /// the one called.
    public func lookups(seenBy id: String) -> (lookups: [String: CallableSignature], withoutReturn: [String]) {
        let scopes = Node.mappletScopes(of: id)
        guard !scopes.isEmpty else { return (lookups, lookupsWithoutReturn) }
        var seen = lookups
        var withoutReturn = Set(lookupsWithoutReturn)
        // The outermost scope first, so that an inner instance's lookup wins.
        for scope in scopes.reversed() {
            for (name, signature) in lookups {
                guard let local = Node.localName(name, in: scope) else { continue }
                seen[local] = signature
                withoutReturn.remove(local)
            }
            for name in lookupsWithoutReturn {
                guard let local = Node.localName(name, in: scope) else { continue }
                seen[local] = nil
                withoutReturn.insert(local)
            }
        }
        return (seen, withoutReturn.sorted())
    }

    /// The parameters the expressions of node `id` see: the pipeline's, and for a node of an
    /// expanded mapplet instance (`MPL_1.EXP`) each parameter declared for that instance
    /// (`MPL_1.$$P`, IMP0131) also under the name the mapplet's expressions write (`$$P`), as
    /// PowerCenter scopes a mapplet's parameters to its instance; an inner instance's declaration
    /// wins over an outer one's and over the mapping's own.
    public func parameters(seenBy id: String) -> [String: DataType] {
        var seen = parameters
        // The outermost scope first, so that an inner instance's declaration wins.
        for scope in Node.mappletScopes(of: id).reversed() {
            for (name, type) in parameters {
                if let local = Node.localName(name, in: scope) { seen[local] = type }
            }
        }
        return seen
    }

    /// An environment with the pipeline's parameters and callables but no ports (SQL text, and
    /// user-function bodies once their arguments are added).
    public func environment(ports: [String: DataType] = [:]) -> TypeEnvironment {
        TypeEnvironment(
            ports: ports, parameters: parameters, lookups: lookups, userFunctions: userFunctions,
            site: .expression, highPrecision: highPrecision, lookupsWithoutReturn: lookupsWithoutReturn)
    }

    /// Where an expression of a node of this kind is written (reference §3.4: aggregate functions
    /// only in Aggregator and Rank, variable functions only in Expression, Filter, Router and
    /// Update Strategy).
    public static func site(of op: Operator) -> ExpressionSite {
        switch op {
        case .project: .expression
        case .filter: .filter
        case .aggregate: .aggregator
        case .rank: .rank
        case .route: .router
        case .setRowKind: .updateStrategy
        case .transactionControl: .transactionControl
        default: .otherTransformation
        }
    }

    /// The unconnected lookups by instance name and, for a reusable lookup, also its definition's
    /// name: the input ports' types in port order and the return port's type (reference §2.6,
    /// ``Node/lookupReturnPort(onlyOutputReturns:)``); and the names of those without one.
    public static func unconnectedLookups(of pipeline: Pipeline) -> (
        signatures: [String: CallableSignature], withoutReturn: [String]
    ) {
        var signatures: [String: CallableSignature] = [:]
        var withoutReturn: [String] = []
        for node in pipeline.nodes {
            guard case .lookup(let spec) = node.op, !spec.connected else { continue }
            let names = node.lookupCallNames
            guard let returned = node.lookupReturnPort() else {
                withoutReturn += names
                continue
            }
            let signature = CallableSignature(argumentTypes: node.inputPorts.map(\.type), returnType: returned.type)
            for name in names where signatures[name] == nil { signatures[name] = signature }
        }
        return (signatures, withoutReturn)
    }
}

extension PipelineTypeEnvironment {
    /// The environments of `pipeline`'s expressions, with the user functions its attributes
    /// define (``UserFunctionDefinition``).
    public init(pipeline: Pipeline, highPrecision: Bool) {
        let definitions = UserFunctionDefinition.definitions(pipeline.attributes, path: pipeline.provenance.path)
        self.init(
            pipeline: pipeline, userFunctions: definitions.compactMapValues { $0.prototype?.signature },
            highPrecision: highPrecision)
    }
}
