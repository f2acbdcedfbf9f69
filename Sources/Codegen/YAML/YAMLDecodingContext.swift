import IR

/// Naming and locating the objects a coding path passes through, for diagnostics.
extension YAMLDecodingSession {
    /// What an item of a sequence under each key is called in messages.
    static let itemWords: [String: String] = [
        "nodes": "node", "ports": "port", "parameters": "parameter", "variables": "variable", "tasks": "task",
        "links": "link", "groups": "group", "columns": "column", "keys": "sort key", "commands": "command",
        "attributes": "attribute", "assignments": "assignment", "notes": "note", "mappings": "mapping",
        "components": "component",
    ]

    /// ` in port 'a' of node 'EXP_1'`: the innermost named objects along `path` (the document
    /// itself only when nothing inside it is named).
    func contextSuffix(_ path: [any CodingKey]) -> String {
        let objects = walk(path).objects
        let inner = objects.count > 1 ? Array(objects.dropFirst()) : objects
        guard !inner.isEmpty else { return "" }
        return " in " + inner.suffix(2).reversed().joined(separator: " of ")
    }

    /// The provenance path of the innermost object along `path` that has one.
    func objectPath(_ path: [any CodingKey]) -> ObjectPath { walk(path).objectPath }

    /// The node at `path`, or the deepest node on the way that exists.
    func resolve(_ path: [any CodingKey]) -> YAMLSourceNode { walk(path).node }

    private func walk(_ path: [any CodingKey]) -> (node: YAMLSourceNode, objects: [String], objectPath: ObjectPath) {
        var node = root
        var objects: [String] = []
        var objectPath = ObjectPath()
        var parentKey = ""
        for (depth, key) in path.enumerated() {
            if let index = key.intValue, case .sequence(let items) = node.content {
                guard index < items.count else { break }
                node = items[index]
                if let word = Self.itemWords[parentKey] { objects.append(Self.name(of: node, as: word, index: index)) }
            } else if let value = node[key.stringValue] {
                node = value
                parentKey = key.stringValue
                if depth == 0 { objects.append(Self.name(of: node, as: key.stringValue, index: nil)) }
                if key.stringValue == "workflow" && depth > 0 {
                    objects.append(Self.name(of: node, as: "worklet", index: nil))
                }
            } else {
                break
            }
            if let text = node["provenance"]?["path"]?.scalarText, let parsed = ObjectPath(parsing: text),
                !parsed.isEmpty
            {
                objectPath = parsed
            }
        }
        return (node, objects, objectPath)
    }

    /// `node 'EXP_1'`, `link 'a' to 'b'`, `port 3` for an item without a name, or the bare word
    /// for an unnamed object that is not an item.
    private static func name(of node: YAMLSourceNode, as word: String, index: Int?) -> String {
        if let from = node["from"]?.scalarText, let to = node["to"]?.scalarText {
            return "\(word) '\(from)' to '\(to)'"
        }
        for key in ["id", "name", "node", "port", "output"] {
            if let text = node[key]?.scalarText { return "\(word) '\(text)'" }
        }
        return index.map { "\(word) \($0 + 1)" } ?? word
    }

    // MARK: Errors

    /// The diagnostic for an error thrown while decoding.
    func diagnostic(for error: any Error) -> Diagnostic {
        guard let error = error as? DecodingError else {
            return YAMLDiagnostics.decodingFault(
                "decoding failed: \(error)", at: location(root), fix: "report this as a bug in migrate")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let node = resolve(context.codingPath)
            return YAMLDiagnostics.missingKey(
                "missing key '\(key.stringValue)'\(contextSuffix(context.codingPath))", at: location(node),
                path: objectPath(context.codingPath), fix: "add the key '\(key.stringValue)'")
        case .valueNotFound(_, let context):
            return positioned(
                YAMLDiagnostics.unexpectedNull, context, fix: "give a value, or remove the key if it is optional")
        case .typeMismatch(_, let context):
            if case .wrongShape? = context.underlyingError as? DecodingProblem {
                return positioned(
                    YAMLDiagnostics.wrongShape, context, fix: "write the value in the shape the schema expects")
            }
            return positioned(YAMLDiagnostics.invalidScalar, context, fix: "write a value of the expected type")
        case .dataCorrupted(let context):
            return positioned(YAMLDiagnostics.invalidValue, context, fix: "write one of the values the message names")
        @unknown default:
            return YAMLDiagnostics.decodingFault(
                "decoding failed: \(error)", at: location(root), fix: "report this as a bug")
        }
    }

    private func positioned(_ descriptor: DiagnosticDescriptor, _ context: DecodingError.Context, fix: String)
        -> Diagnostic
    {
        let node = blamedNode(context)
        return descriptor(
            context.debugDescription + contextSuffix(context.codingPath), at: location(node),
            path: objectPath(context.codingPath), fix: fix)
    }

    /// The node an error is about. `dataCorruptedError(in: unkeyedContainer)` names the index after
    /// the bad item (the container has moved past it): prefer the item whose text the message quotes.
    private func blamedNode(_ context: DecodingError.Context) -> YAMLSourceNode {
        let path = context.codingPath
        guard let index = path.last?.intValue, case .sequence(let items) = resolve(Array(path.dropLast())).content
        else { return resolve(path) }
        for candidate in [index - 1, index] where items.indices.contains(candidate) {
            if let text = items[candidate].scalarText, context.debugDescription.contains("'\(text)'") {
                return items[candidate]
            }
        }
        return items.indices.contains(index) ? items[index] : (items.last ?? resolve(Array(path.dropLast())))
    }
}
