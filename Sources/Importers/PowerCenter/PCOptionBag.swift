import IR

/// The TABLEATTRIBUTEs of one instance: the definition's values with the instance's overrides
/// applied. Typed readers consume entries; whatever is not consumed is kept verbatim in
/// `node.attributes`, so no attribute is ever dropped.
struct PCOptionBag {
    private struct Entry {
        var name: String
        var value: String
        var element: XMLElementNode
    }

    private var entries: [Entry] = []
    private var consumed: Set<String> = []
    /// The object path diagnostics about these options point at.
    let path: ObjectPath

    /// Collects the TABLEATTRIBUTEs of `definition`, then of `instance` (which win by name).
    init(definition: XMLElementNode?, instance: XMLElementNode?, path: ObjectPath) {
        self.path = path
        for element in [definition, instance].compactMap({ $0 }) {
            for attribute in element.children(named: "TABLEATTRIBUTE") {
                let entry = Entry(name: attribute.nameAttribute, value: attribute.value("VALUE"), element: attribute)
                if let index = entries.firstIndex(where: { $0.name == entry.name }) {
                    entries[index] = entry
                } else {
                    entries.append(entry)
                }
            }
        }
    }

    /// The raw value of `name` (possibly empty), consuming it; nil when absent.
    mutating func take(_ name: String) -> String? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        consumed.insert(name)
        return entry.value
    }

    /// The value of `name` when present and not blank, consuming it.
    mutating func text(_ name: String) -> String? {
        guard let value = take(name), !value.trimmingSpaces().isEmpty else { return nil }
        return value
    }

    /// A YES/NO option; an unreadable value is kept verbatim and reported.
    mutating func bool(_ name: String, default fallback: Bool, context: inout PCTranslationContext) -> Bool {
        guard let entry = entries.first(where: { $0.name == name }) else { return fallback }
        if entry.value.trimmingSpaces().isEmpty {
            consumed.insert(name)
            return fallback
        }
        guard let value = pcYesNo(entry.value) else {
            reportInvalid(entry, expected: "YES or NO", fallback: fallback ? "YES" : "NO", context: &context)
            return fallback
        }
        consumed.insert(name)
        return value
    }

    /// An integer option; an unreadable value is kept verbatim and reported.
    mutating func int(_ name: String, default fallback: Int, context: inout PCTranslationContext) -> Int {
        guard let entry = entries.first(where: { $0.name == name }) else { return fallback }
        if entry.value.trimmingSpaces().isEmpty {
            consumed.insert(name)
            return fallback
        }
        guard let value = Int(entry.value.trimmingSpaces()) else {
            reportInvalid(entry, expected: "an integer", fallback: "\(fallback)", context: &context)
            return fallback
        }
        consumed.insert(name)
        return value
    }

    /// An option with an enumerated set of values (compared case-insensitively); an unknown value
    /// is kept verbatim and reported.
    mutating func choice<T>(
        _ name: String, _ values: [String: T], default fallback: T, fallbackName: String,
        context: inout PCTranslationContext
    ) -> T {
        guard let entry = entries.first(where: { $0.name == name }) else { return fallback }
        let key = entry.value.trimmingSpaces().lowercased()
        if key.isEmpty {
            consumed.insert(name)
            return fallback
        }
        guard let value = values.first(where: { $0.key.lowercased() == key })?.value else {
            let expected = values.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            reportInvalid(entry, expected: "one of \(expected)", fallback: fallbackName, context: &context)
            return fallback
        }
        consumed.insert(name)
        return value
    }

    /// The entries not consumed by a typed reader, in export order.
    var remaining: [Attribute] {
        entries.filter { !consumed.contains($0.name) }.map { Attribute($0.name, $0.value) }
    }

    private func reportInvalid(
        _ entry: Entry, expected: String, fallback: String, context: inout PCTranslationContext
    ) {
        context.report(
            PCMappingDiagnostics.invalidOptionValue,
            "option '\(entry.name)' has value '\(entry.value)', expected \(expected); '\(fallback)' is assumed and the value is kept as an attribute",
            at: entry.element, path: path, fix: "correct the option in the Designer and re-export")
    }
}
