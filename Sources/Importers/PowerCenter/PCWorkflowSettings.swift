import IR

/// Small readers for the settings of workflow-side elements: YES/NO flags, ATTRIBUTE children and
/// raw element attributes flattened into verbatim `Attribute` values.
enum PCWorkflowSettings {
    /// `YES` → true, `NO` → false, anything else (or absent) → `fallback`.
    static func flag(_ element: XMLElementNode, _ name: String, default fallback: Bool) -> Bool {
        switch element[attribute: name]?.uppercased() {
        case "YES": true
        case "NO": false
        default: fallback
        }
    }

    /// The element's `NAME`, or nil when absent or blank.
    static func name(of element: XMLElementNode) -> String? {
        guard let name = element[attribute: "NAME"], !name.allSatisfy(\.isWhitespace) else { return nil }
        return name
    }

    /// The element's `DESCRIPTION`, or nil when absent or empty.
    static func description(of element: XMLElementNode) -> String? {
        guard let text = element[attribute: "DESCRIPTION"], !text.isEmpty else { return nil }
        return text
    }

    /// The `ATTRIBUTE NAME VALUE` children, in document order.
    static func attributeChildren(of element: XMLElementNode) -> [Attribute] {
        element.children(named: "ATTRIBUTE").compactMap { child in
            guard let name = child[attribute: "NAME"] else { return nil }
            return Attribute(name, child[attribute: "VALUE"] ?? "")
        }
    }

    /// Every XML attribute of `element` and of its descendants, named `ELEMENT.ATTRIBUTE` in document
    /// order, skipping the attributes listed in `skipping` on `element` itself.
    static func flattened(_ element: XMLElementNode, skipping: Set<String> = []) -> [Attribute] {
        var result = element.attributes.filter { !skipping.contains($0.name) }.map {
            Attribute("\(element.name).\($0.name)", $0.value)
        }
        for child in element.children {
            result += flattened(child)
        }
        return result
    }

    /// `attributes` with each override replacing the value of the first attribute of the same name,
    /// or appended when no attribute has that name.
    static func overriding(_ attributes: [Attribute], with overrides: [Attribute]) -> [Attribute] {
        var result = attributes
        for override in overrides {
            if let index = result.firstIndex(where: { $0.name == override.name }) {
                result[index].value = override.value
            } else {
                result.append(override)
            }
        }
        return result
    }

    /// The `VALUEPAIR` children sorted by `EXECORDER` (export order among equal or missing orders).
    static func valuePairs(of element: XMLElementNode) -> [XMLElementNode] {
        let pairs = element.children(named: "VALUEPAIR").enumerated().map { offset, pair in
            (order: Int(pair[attribute: "EXECORDER"] ?? "") ?? Int.max, offset: offset, pair: pair)
        }
        return pairs.sorted { ($0.order, $0.offset) < ($1.order, $1.offset) }.map(\.pair)
    }
}
