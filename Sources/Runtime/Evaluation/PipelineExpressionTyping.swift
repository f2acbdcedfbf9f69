import IR

/// Parses and type checks every expression of a pipeline or workflow in the environment it is
/// written in, so that a problem is reported at the object that holds it before anything runs.
///
/// For a pipeline: every port's expression (converted to the port's type) and default value,
/// filter, join and lookup conditions, router group conditions, update-strategy and
/// transaction-control expressions, the bodies of user-defined functions, and the `$$` names
/// substituted into SQL overrides, source filters, pre/post SQL and other attributes (text
/// substitution: only checked to be declared, RT0210). Each node's expressions see its ports (a
/// router's input group, both sides of a joiner, a lookup's lookup and input ports), the mapping's
/// parameters and variables, its unconnected lookups and its user-defined functions.
///
/// For a workflow: link and decision conditions and assignment expressions, with the workflow's
/// variables and task names.
public enum PipelineExpressionTyping {
    /// The diagnostics of checking every expression of `pipeline`.
    public static func check(_ pipeline: Pipeline, highPrecision: Bool = false) -> [Diagnostic] {
        report(pipeline, highPrecision: highPrecision).diagnostics
    }

    /// The diagnostics and counts of checking every expression of `pipeline`; `highPrecision` is
    /// the session's "Enable high precision" switch.
    public static func report(_ pipeline: Pipeline, highPrecision: Bool = false) -> ExpressionTypingReport {
        let definitions = UserFunctionBuilder.definitions(pipeline.attributes, path: pipeline.provenance.path)
        let environments = PipelineTypeEnvironment(
            pipeline: pipeline, userFunctions: definitions.compactMapValues { $0.prototype?.signature },
            highPrecision: highPrecision)
        var pass = ExpressionTypingPass()
        for node in pipeline.nodes { pass.check(node, environments) }
        for name in definitions.keys.sorted() {
            guard let definition = definitions[name] else { continue }
            // The importer keeps no line for an EXPRMACRO: point at the file as a whole.
            pass.check(definition, environments, location: SourceLocation(file: pipeline.provenance.location.file))
        }
        return pass.report
    }
}

extension ExpressionTypingPass {
    /// Checks the expressions of one node.
    mutating func check(_ node: Node, _ environments: PipelineTypeEnvironment) {
        let environment = environments.environment(of: node)
        for port in node.ports {
            let location = port.provenance.location
            if let text = port.expression?.text {
                check(
                    text, .portExpression, in: environment, path: port.provenance.path, location: location,
                    resultType: port.type)
            }
            if let text = port.defaultValue?.text {
                check(
                    text, .defaultValue, in: environment, path: port.provenance.path, location: location,
                    resultType: port.type)
            }
        }
        checkConditions(of: node, environment)
        checkSubstitutions(of: node, environments.environment())
    }

    /// Checks the conditions and expressions a node's operator holds.
    mutating func checkConditions(of node: Node, _ environment: TypeEnvironment) {
        let path = node.provenance.path
        let location = node.provenance.location
        switch node.op {
        case .filter(let spec):
            check(spec.condition.text, .filterCondition, in: environment, path: path, location: location)
        case .join(let spec):
            check(spec.condition.text, .joinCondition, in: environment, path: path, location: location)
        case .lookup(let spec):
            if let condition = spec.condition {
                check(condition.text, .lookupCondition, in: environment, path: path, location: location)
            }
        case .route(let spec):
            for group in spec.groups {
                guard let condition = group.condition else { continue }
                check(
                    condition.text, .routerGroup, in: environment, path: path.appending("GROUP", group.name),
                    location: location)
            }
        case .setRowKind(let spec):
            check(spec.expression.text, .rowKind, in: environment, path: path, location: location)
        case .transactionControl(let spec):
            check(spec.condition.text, .transactionControl, in: environment, path: path, location: location)
        default:
            break
        }
    }

    /// Checks the `$$` names substituted into a node's SQL texts and attributes.
    mutating func checkSubstitutions(of node: Node, _ environment: TypeEnvironment) {
        var texts: [(String, String)] = []
        switch node.op {
        case .sourceQuery(let spec):
            texts = [
                ("the SQL override", spec.sqlOverride), ("the user-defined join", spec.join),
                ("the source filter", spec.filter), ("the pre-SQL", spec.preSQL), ("the post-SQL", spec.postSQL),
            ].compactMap { what, text in text.map { (what, $0) } }
        case .lookup(let spec):
            texts = [("the lookup SQL override", spec.sqlOverride), ("the lookup source filter", spec.filter)]
                .compactMap { what, text in text.map { (what, $0) } }
        default:
            break
        }
        texts += node.attributes.map { ("attribute '\($0.name)'", $0.value) }
        for (what, text) in texts {
            checkSubstitutions(
                in: text, what: what, environment: environment, path: node.provenance.path,
                location: node.provenance.location)
        }
    }

    /// Checks the body of a user-defined function with its arguments as ports.
    mutating func check(
        _ definition: UserFunctionDefinition, _ environments: PipelineTypeEnvironment, location: SourceLocation
    ) {
        guard let prototype = definition.prototype else {
            let place = ExpressionSource(definition.body, path: definition.path, location: location).place(of: 0)
            add([
                UserFunctionDiagnostics.invalidPrototype(
                    "the prototype '\(definition.prototypeText)' of user-defined function '\(definition.name)' cannot be read",
                    at: place.location, path: definition.path, notes: place.notes,
                    fix: "write the prototype as 'TYPE name(argument as type, ...)'")
            ])
            return
        }
        let arguments = Dictionary(prototype.arguments.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        check(
            definition.body, .userFunctionBody, in: environments.environment(ports: arguments), path: definition.path,
            location: location, resultType: prototype.returnType)
    }
}
