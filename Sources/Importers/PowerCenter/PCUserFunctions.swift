import IR

/// User-defined functions (EXPRMACRO, called as `:UDF.name(...)`).
///
/// Decision: the expression language is not parsed yet, so a UDF's definition travels with every
/// pipeline that calls it, directly or through another UDF, as two pipeline attributes:
/// `:UDF.<name>` (the body) and `:UDF.<name> prototype` (signature and return type). A UDF no
/// converted pipeline calls gets a note (IMP0125). EXPRMACRO is not an inventoried element kind.
enum PCUserFunctions {
    /// Attaches used UDFs to `pipelines` and notes the unused ones of `folders`.
    static func attach(
        from folders: [XMLElementNode], to pipelines: inout [Pipeline], context: inout PCTranslationContext
    ) {
        var macros: [String: (element: XMLElementNode, path: ObjectPath)] = [:]
        for folder in folders {
            for macro in folder.children(named: "EXPRMACRO") where macros[macro.nameAttribute.uppercased()] == nil {
                macros[macro.nameAttribute.uppercased()] = (
                    macro,
                    ObjectPath().appending("FOLDER", folder.nameAttribute).appending("EXPRMACRO", macro.nameAttribute)
                )
            }
        }
        guard !macros.isEmpty else { return }
        var used: Set<String> = []
        for index in pipelines.indices {
            let texts = pipelines[index].nodes.flatMap(expressionTexts)
            let names = closure(of: texts, macros: macros.mapValues { $0.element.value("EXPRESSION") })
            used.formUnion(names)
            for name in names.sorted() {
                guard let macro = macros[name]?.element else { continue }
                pipelines[index].attributes.append(Attribute(":UDF.\(macro.nameAttribute)", macro.value("EXPRESSION")))
                pipelines[index].attributes.append(
                    Attribute(":UDF.\(macro.nameAttribute) prototype", macro.value("PROTOTYPE")))
            }
        }
        for (name, macro) in macros.sorted(by: { $0.key < $1.key }) where !used.contains(name) {
            context.report(
                PCMappingDiagnostics.userFunctionNote,
                "user-defined function '\(macro.element.nameAttribute)' is not called by any converted mapping",
                at: macro.element, path: macro.path)
        }
    }

    /// The upper-cased UDF names `texts` call, directly or through other UDFs.
    private static func closure(of texts: [String], macros: [String: String]) -> Set<String> {
        var found: Set<String> = []
        var pending = texts
        while let text = pending.popLast() {
            for name in calls(in: text) where macros[name] != nil && found.insert(name).inserted {
                pending.append(macros[name] ?? "")
            }
        }
        return found
    }

    /// Upper-cased names after each `:UDF.` in `text`.
    static func calls(in text: String) -> [String] {
        let upper = text.uppercased()
        var names: [String] = []
        var rest = Substring(upper)
        while let range = rest.range(of: ":UDF.") {
            let tail = rest[range.upperBound...]
            let name = tail.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.append(String(name)) }
            rest = tail
        }
        return names
    }

    /// Every expression text of a node: port expressions and defaults, and operator conditions.
    static func expressionTexts(of node: Node) -> [String] {
        var texts = node.ports.flatMap { [$0.expression?.text, $0.defaultValue?.text].compactMap { $0 } }
        switch node.op {
        case .filter(let spec): texts.append(spec.condition.text)
        case .join(let spec): texts.append(spec.condition.text)
        case .lookup(let spec): texts += [spec.condition?.text, spec.sqlOverride, spec.filter].compactMap { $0 }
        case .route(let spec): texts += spec.groups.compactMap { $0.condition?.text }
        case .setRowKind(let spec): texts.append(spec.expression.text)
        case .transactionControl(let spec): texts.append(spec.condition.text)
        case .sourceQuery(let spec): texts += [spec.filter, spec.join].compactMap { $0 }
        default: break
        }
        return texts
    }
}
