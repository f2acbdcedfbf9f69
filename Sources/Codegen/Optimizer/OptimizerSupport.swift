import IR

/// What the passes share: parsing a node's expressions in its type environment, finding the ports
/// an output feeds, renaming references, and deciding whether an expression can raise a row error.
enum OptimizerSupport {
    /// The type environment of `node`'s expressions: its ports and the pipeline's parameters.
    /// Unconnected lookups and user functions are left out, so an expression calling one does not
    /// type check and no pass touches it.
    static func environment(_ node: Node, _ pipeline: Pipeline) -> TypeEnvironment {
        var ports: [String: DataType] = [:]
        for port in node.ports where ports[port.name.uppercased()] == nil { ports[port.name.uppercased()] = port.type }
        var parameters: [String: DataType] = [:]
        for parameter in pipeline.parameters { parameters[parameter.name] = parameter.type }
        return TypeEnvironment(ports: ports, parameters: parameters)
    }

    /// `text` parsed; nil when the parser reports an error.
    static func parsed(_ text: String) -> Expr? {
        let (parsed, problems) = ExpressionParser.parse(ExpressionSource(text))
        return problems.contains(where: { $0.severity == .error }) ? nil : parsed
    }

    /// `text` parsed and type checked in `environment`; nil when either reports an error. A NULL
    /// literal has no type.
    static func typed(_ text: String, in environment: TypeEnvironment) -> Expr? {
        guard let parsed = parsed(text) else { return nil }
        return typed(parsed, text, in: environment)
    }

    /// `parsed` (the tree of `text`) type checked in `environment`; nil when that reports an error.
    static func typed(_ parsed: Expr, _ text: String, in environment: TypeEnvironment) -> Expr? {
        let source = ExpressionSource(text)
        let (typed, typeProblems) = ExpressionTypeChecker.check(parsed, in: environment, source: source)
        guard !typeProblems.contains(where: { $0.severity == .error }), typed.type != nil || typed.kind == .null else {
            return nil
        }
        return typed
    }

    /// The (node index, port index) of every port whose source is a port of node `id`.
    static func consumers(of id: String, in pipeline: Pipeline) -> [(node: Int, port: Int)] {
        var found: [(node: Int, port: Int)] = []
        for n in pipeline.nodes.indices {
            let ports = pipeline.nodes[n].ports
            for p in ports.indices where ports[p].source?.node == id { found.append((n, p)) }
        }
        return found
    }

    /// `e` with every port reference renamed by `names` (upper-case keys); nil when a reference
    /// has no new name.
    static func renamed(_ e: Expr, _ names: [String: String]) -> Expr? {
        var copy = e
        switch e.kind {
        case .reference(let name):
            guard let new = names[name.uppercased()] else { return nil }
            copy.kind = .reference(new)
        case .unary(let op, let operand):
            guard let operand = renamed(operand, names) else { return nil }
            copy.kind = .unary(op, operand)
        case .binary(let op, let left, let right):
            guard let left = renamed(left, names), let right = renamed(right, names) else { return nil }
            copy.kind = .binary(op, left, right)
        case .call(let name, let arguments):
            var renamedArguments: [Expr] = []
            for argument in arguments {
                guard let argument = renamed(argument, names) else { return nil }
                renamedArguments.append(argument)
            }
            copy.kind = .call(name: name, arguments: renamedArguments)
        case .external:
            return nil
        default:
            break
        }
        return copy
    }

    /// The port names `e` reads, upper case.
    static func references(_ e: Expr) -> Set<String> {
        switch e.kind {
        case .reference(let name): [name.uppercased()]
        case .unary(_, let operand): references(operand)
        case .binary(_, let left, let right): references(left).union(references(right))
        case .call(_, let arguments), .external(_, _, let arguments):
            arguments.reduce(into: Set<String>()) { $0.formUnion(references($1)) }
        default: []
        }
    }

    /// Adds the port names `e` reads, upper case, to `names` (``references(_:)`` without a set
    /// per subexpression).
    static func collectReferences(_ e: Expr, into names: inout Set<String>) {
        switch e.kind {
        case .reference(let name): names.insert(name.uppercased())
        case .unary(_, let operand): collectReferences(operand, into: &names)
        case .binary(_, let left, let right):
            collectReferences(left, into: &names)
            collectReferences(right, into: &names)
        case .call(_, let arguments), .external(_, _, let arguments):
            for argument in arguments { collectReferences(argument, into: &names) }
        default: break
        }
    }

    /// Functions that never raise a row error when their arguments are error-free and typed as the
    /// catalog expects (no conversion of text to numbers or dates, no arithmetic that can
    /// overflow, no division).
    static let errorFreeFunctions: Set<String> = [
        "IIF", "DECODE", "ISNULL", "IS_SPACES", "UPPER", "LOWER", "LTRIM", "RTRIM", "LENGTH", "CONCAT", "SUBSTR",
        "IN", "INITCAP", "REVERSE", "CHOOSE",
    ]

    /// Whether evaluating `e` (type checked) can never raise a row error: literals, port and
    /// parameter references, `||`, NOT, AND, OR, comparisons within one type family, and the
    /// functions of ``errorFreeFunctions`` over such arguments.
    static func isErrorFree(_ e: Expr) -> Bool { isErrorFree(e, operands: isErrorFree) }

    /// Whether evaluating `e` can never raise a row error, given that `operands` says so of
    /// each operand and argument (the SQL lowering judges some of them more finely).
    static func isErrorFree(_ e: Expr, operands: (Expr) -> Bool) -> Bool {
        switch e.kind {
        case .number, .string, .null, .boolean, .reference, .parameter, .constant:
            return true
        case .unary(let op, let operand):
            return op != .negate && operands(operand)
        case .binary(let op, let left, let right):
            guard operands(left), operands(right) else { return false }
            switch op {
            case .concat, .and, .or: return true
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
                return sameFamily(left, right)
            case .add, .subtract, .multiply, .divide, .modulo: return false
            }
        case .call(let name, let arguments):
            guard errorFreeFunctions.contains(name.uppercased()), arguments.allSatisfy(operands) else {
                return false
            }
            if name.uppercased() == "SUBSTR" {
                return arguments.dropFirst().allSatisfy { $0.type?.family == .numeric }
            }
            if ["DECODE", "IN"].contains(name.uppercased()), let first = arguments.first {
                return arguments.dropFirst().allSatisfy { sameFamily(first, $0) || $0.kind == .null }
            }
            return true
        default:
            return false
        }
    }

    /// Whether two typed expressions are of one type family (so comparing them converts nothing).
    static func sameFamily(_ a: Expr, _ b: Expr) -> Bool {
        if a.kind == .null || b.kind == .null { return true }
        guard let x = a.type, let y = b.type else { return false }
        return x.family == y.family
    }

    /// Whether a value of `type` converts to `port` without a possible row error: the same type, or
    /// text into text (longer text is cut, not refused).
    static func convertsSafely(_ type: DataType, to port: DataType) -> Bool {
        type == port || (type.isString && port.isString)
    }

    /// A note that `pass` changed the object at `provenance`.
    static func note(_ pass: String, _ message: String, _ provenance: Provenance) -> Diagnostic {
        OptimizerDiagnostics.rewritten(
            "\(pass): \(message)", at: provenance.location, path: provenance.path)
    }
}
