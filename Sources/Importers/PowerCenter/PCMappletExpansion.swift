import IR

/// Why a mapplet instance could not be expanded.
struct PCMappletRefusal: Error {
    /// What the placeholder node should say.
    var resolution: PCResolution
}

/// Inlining of mapplet instances: the mapplet's instances become nodes named
/// `<mapplet instance>.<inner instance>`, and connectors to the mapplet instance's ports are
/// rewired through its Input and Output transformations (kept as pass-through projections).
extension PCFlowTranslator {
    /// Expands the mapplet instance `instance`; on failure returns what the placeholder should say.
    mutating func expandMapplet(
        _ instance: XMLElementNode, placement: PCNodeBuilder.Placement, scope: PCFlowScope,
        context: inout PCTranslationContext
    ) -> Result<PCBinding, PCMappletRefusal> {
        let resolution = index.resolve(.mapplet, named: instance.value("TRANSFORMATION_NAME"), inFolder: scope.folder)
        guard case .found(let definition) = resolution else {
            return .failure(PCMappletRefusal(resolution: resolution))
        }
        let key = PCElementKey(definition.element)
        if scope.mappletChain.contains(key) || scope.mappletChain.count >= options.maximumMappletDepth {
            let diagnostic = PCMappingDiagnostics.mappletTooDeep(
                "mapplet instance '\(instance.nameAttribute)' of '\(definition.element.nameAttribute)' is not expanded: mapplets nest more than \(options.maximumMappletDepth) levels deep or contain themselves",
                at: context.location(of: instance), path: placement.path,
                fix: "flatten the mapplets or raise the expansion depth limit")
            context.diagnostics.append(diagnostic)
            return .failure(PCMappletRefusal(resolution: .refused(diagnostic)))
        }
        recordUse(of: definition, by: placement.path)
        usage.mappletUses[key, default: []].append(placement.path.description)
        let child = PCFlowScope(
            element: definition.element, folder: definition.folder, path: definition.path, idPrefix: placement.id + ".",
            mode: .inlined, mappletChain: scope.mappletChain + [key])
        let inner = translate(child, context: &context)
        collectParameters(of: definition, instanceID: placement.id, context: &context)
        context.report(
            PCMappingDiagnostics.mappletInstanceExpanded,
            "mapplet instance '\(instance.nameAttribute)' of '\(definition.element.nameAttribute)' is expanded into the nodes named '\(placement.id).*'",
            at: instance, path: placement.path)
        context.ledger.diagnose(instance)
        return .success(interface(of: definition.element, bindings: inner, prefix: placement.id + "."))
    }

    /// The mapplet's port names as seen from the mapping, mapped to ports of its inlined Input and
    /// Output nodes: from the interface TRANSFORMATION (TYPE `Mapplet`, ports with MAPPLETGROUP and
    /// REF_FIELD), completed by the Input/Output transformations' own port names.
    private func interface(of mapplet: XMLElementNode, bindings: PCBindings, prefix: String) -> PCBinding {
        var inputs: [String: PortRef] = [:]
        var outputs: [String: PortRef] = [:]
        let instances = mapplet.children(named: "INSTANCE")
        func inner(_ group: String, _ port: String) -> PortRef? {
            let name =
                bindings.lookup(group, instanceClass: "TRANSFORMATION") != nil
                ? group : instances.first { $0.value("TRANSFORMATION_NAME") == group }?.nameAttribute
            guard let name, case .node(let id) = bindings.lookup(name, instanceClass: "TRANSFORMATION") else {
                return nil
            }
            return PortRef(node: id, port: port)
        }
        let declared = mapplet.children(named: "TRANSFORMATION").first { $0.value("TYPE") == "Mapplet" }
        for field in declared?.children(named: "TRANSFORMFIELD") ?? [] {
            guard let reference = inner(field.value("MAPPLETGROUP"), field.nonEmpty("REF_FIELD") ?? field.nameAttribute)
            else { continue }
            let roles = PCPortType(field.value("PORTTYPE")).roles
            if roles.contains(.input) { inputs[field.nameAttribute] = reference }
            if roles.contains(.output) { outputs[field.nameAttribute] = reference }
        }
        for instance in instances {
            let type = instance.value("TRANSFORMATION_TYPE")
            guard type == "Input Transformation" || type == "Output Transformation",
                case .node(let id) = bindings.lookup(instance.nameAttribute, instanceClass: "TRANSFORMATION"),
                let node = node(id)
            else { continue }
            for port in node.ports {
                if type == "Input Transformation", inputs[port.name] == nil {
                    inputs[port.name] = PortRef(node: id, port: port.name)
                }
                if type == "Output Transformation", outputs[port.name] == nil {
                    outputs[port.name] = PortRef(node: id, port: port.name)
                }
            }
        }
        return .mapplet(inputs: inputs, outputs: outputs)
    }

    /// Adds the mapplet's MAPPINGVARIABLEs to the parameters of the pipeline it is inlined into,
    /// each named `<mapplet instance>.$$P` (a note says so).
    ///
    /// PowerCenter scopes mapplet parameters and variables to the mapplet; a parameter file sets them
    /// as `mappletname.$$P=value` (reference §1.8, §6.3). The prefix is the mapplet *instance* name
    /// (the node-id prefix `instanceID`, which equals the mapplet name unless the instance was
    /// renamed in the Designer) because two instances of one mapplet keep separate values [BELIEVED:
    /// the reference says "mapplet name" and does not cover renamed instances]. Expressions inside
    /// the inlined nodes keep writing `$$P`: in a node whose id starts with `<instance>.`, `$$P` means
    /// the pipeline parameter `<instance>.$$P`.
    private mutating func collectParameters(
        of definition: PCDefinition, instanceID: String, context: inout PCTranslationContext
    ) {
        for variable in definition.element.children(named: "MAPPINGVARIABLE") {
            let scopedName = "\(instanceID).\(variable.nameAttribute)"
            guard !mappletParameters.contains(where: { $0.name == scopedName }) else { continue }
            var parameter = PCParameters.parameter(variable, scopePath: definition.path, context: &context)
            parameter.name = scopedName
            mappletParameters.append(parameter)
            let word = parameter.kind == .parameter ? "parameter" : "variable"
            context.report(
                PCMappingDiagnostics.mappletParameterScoped,
                "mapplet \(word) '\(variable.nameAttribute)' of '\(definition.element.nameAttribute)' becomes \(word) '\(scopedName)' of the pipeline, as PowerCenter scopes it to mapplet instance '\(instanceID)' (a parameter file sets '\(scopedName)=value'); expressions in the nodes '\(instanceID).*' still write '\(variable.nameAttribute)'",
                at: variable, path: parameter.provenance.path)
        }
    }
}
