import IR

/// The port readers' verbatim-attribute rules, decided once per element shape instead of once per
/// attribute of every field (exports have hundreds of thousands of fields but a handful of shapes).
///
/// Gives the same attributes as ``PCPortReader/verbatimAttributes(of:skipping:defaults:)`` with the
/// same rule's skip set and defaults.
struct PCAttributeFilters: Sendable {
    /// A rule: which names are skipped and which values are noise defaults.
    enum Rule: Int, Sendable {
        /// TRANSFORMFIELD attributes.
        case transformField
        /// SOURCEFIELD/TARGETFIELD attributes of a delimited or relational table.
        case column
        /// SOURCEFIELD/TARGETFIELD attributes of a fixed-width file (physical layout kept).
        case fixedWidthColumn
    }

    /// Per attribute position: whether the name is kept, and the noise default of its value.
    private struct Filter: Sendable {
        /// Keeps the shape alive, so that its identifier is not reused while the filter exists.
        let shape: XMLElementShape
        let kept: [Bool]
        let defaults: [String?]
    }

    private struct Key: Hashable {
        var shape: ObjectIdentifier
        var rule: Rule
    }

    private var filters: [Key: Filter] = [:]
    /// The filter used last and its key: fields of one node share a shape, so the dictionary is
    /// consulted once per node rather than once per field.
    private var lastKey: Key?
    private var lastFilter: Filter?

    /// The non-empty attributes of `element` that `rule` keeps, in document order.
    mutating func attributes(
        of element: borrowing XMLElementNode, rule: Rule, skipping: Set<String>, defaults: [String: String]
    ) -> [Attribute] {
        let key = Key(shape: ObjectIdentifier(element.shape), rule: rule)
        if key != lastKey {
            if let known = filters[key] {
                lastFilter = known
            } else {
                let names = element.attributeNames
                let made = Filter(
                    shape: element.shape, kept: names.map { !skipping.contains($0) },
                    defaults: names.map { defaults[$0] })
                filters[key] = made
                lastFilter = made
            }
            lastKey = key
        }
        return Self.kept(element, by: lastFilter!)
    }

    private static func kept(_ element: borrowing XMLElementNode, by filter: borrowing Filter) -> [Attribute] {
        let names = element.attributeNames
        var result: [Attribute] = []
        element.attributeValues.withUnsafeBufferPointer { values in
            for position in values.indices where filter.kept[position] {
                let value = values[position]
                guard !value.isEmpty, filter.defaults[position] != value else { continue }
                result.append(Attribute(names[position], value))
            }
        }
        return result
    }
}
