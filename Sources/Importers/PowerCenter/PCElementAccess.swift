import IR

// Small readers over `XMLElementNode` used by every PowerCenter translator. Real exports write
// values with stray blanks and in varying case (`YES`, `Yes`), so readers normalise here once.

extension XMLElementNode {
    /// The attribute's value, or nil when it is absent or empty.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[attribute: name], !value.isEmpty else { return nil }
        return value
    }

    /// The attribute's value, or "" when absent.
    func value(_ name: String) -> String { self[attribute: name] ?? "" }

    /// The `NAME` attribute, or "" when absent.
    var nameAttribute: String { value("NAME") }

    /// Whether the attribute says YES (case-insensitive); `otherwise` when absent or empty.
    func flag(_ name: String, otherwise: Bool = false) -> Bool {
        guard let text = nonEmpty(name) else { return otherwise }
        return text.trimmingSpaces().uppercased() == "YES"
    }

    /// The attribute as an integer, or nil when absent or not a number.
    func integer(_ name: String) -> Int? {
        guard let text = nonEmpty(name) else { return nil }
        return Int(text.trimmingSpaces())
    }

    /// A copy without children, so that marking it in the ledger does not touch its subtree.
    var withoutChildren: XMLElementNode {
        var copy = self
        copy.children = []
        return copy
    }
}

/// Parses a PowerCenter YES/NO option value; nil when the text is neither.
func pcYesNo(_ text: String?) -> Bool? {
    switch text?.trimmingSpaces().uppercased() {
    case "YES", "Y", "TRUE", "1": true
    case "NO", "N", "FALSE", "0": false
    default: nil
    }
}
