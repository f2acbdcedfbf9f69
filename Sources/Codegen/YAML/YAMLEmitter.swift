/// Prints a ``YAMLValue`` tree as canonical YAML text, byte for byte the same for the same tree.
///
/// Layout: 2-space indentation; block mappings; block sequences indented under their key, with
/// mappings written as `- key: value` items; `[]` and `{}` for empty collections; flow style
/// `[a, b]` for a non-empty sequence whose items are all numbers, booleans or strings that are
/// plain-safe without flow indicators, when the bracketed text is at most ``flowLimit``
/// characters; LF line ends and one trailing newline.
enum YAMLEmitter {
    /// The longest bracketed text of a flow sequence, in characters.
    static let flowLimit = 80

    /// The text of a document whose root is the mapping `entries`.
    static func document(_ entries: [YAMLEntry]) -> String {
        var lines: [String] = []
        appendMapping(entries, indent: 0, to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendMapping(_ entries: [YAMLEntry], indent: Int, to lines: inout [String]) {
        let pad = spaces(indent)
        for entry in entries {
            appendValue(
                entry.value, after: pad + scalarText(.string(entry.key)) + ":", childIndent: indent + 2, to: &lines)
        }
    }

    private static func appendSequence(_ items: [YAMLValue], indent: Int, to lines: inout [String]) {
        for item in items {
            if let block = inlineBlock(item, indent: indent + 2) {
                var first = block[0]
                first.removeFirst(indent + 2)
                lines.append(spaces(indent) + "- " + first)
                lines += block.dropFirst()
            } else {
                appendValue(item, after: spaces(indent) + "-", childIndent: indent + 2, to: &lines)
            }
        }
    }

    /// The lines of a non-empty block mapping or block sequence rendered at `indent`, whose first
    /// line can follow a `- ` marker; nil for scalars, empty and flow collections.
    private static func inlineBlock(_ value: YAMLValue, indent: Int) -> [String]? {
        var lines: [String] = []
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            appendMapping(entries, indent: indent, to: &lines)
        case .sequence(let items) where !items.isEmpty && flowText(items) == nil:
            appendSequence(items, indent: indent, to: &lines)
        default:
            return nil
        }
        return lines
    }

    /// Appends `value` after `head` (`key:` or `-`); nested lines go at `childIndent`.
    private static func appendValue(_ value: YAMLValue, after head: String, childIndent: Int, to lines: inout [String])
    {
        switch value {
        case .string(let text) where YAMLScalarStyle.isLiteralSafe(text):
            lines.append(head + " |-")
            let pad = spaces(childIndent)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(line.isEmpty ? "" : pad + line)
            }
        case .string, .number, .bool, .null:
            lines.append(head + " " + scalarText(value))
        case .sequence(let items):
            if items.isEmpty {
                lines.append(head + " []")
            } else if let flow = flowText(items) {
                lines.append(head + " " + flow)
            } else {
                lines.append(head)
                appendSequence(items, indent: childIndent, to: &lines)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                lines.append(head + " {}")
            } else {
                lines.append(head)
                appendMapping(entries, indent: childIndent, to: &lines)
            }
        }
    }

    /// `[a, b]` when every item is a flow-safe scalar and the text fits ``flowLimit``.
    private static func flowText(_ items: [YAMLValue]) -> String? {
        var parts: [String] = []
        for item in items {
            switch item {
            case .string(let text) where YAMLScalarStyle.isFlowItemSafe(text): parts.append(text)
            case .number(let text): parts.append(text)
            case .bool(let flag): parts.append(flag ? "true" : "false")
            default: return nil
            }
        }
        let text = "[" + parts.joined(separator: ", ") + "]"
        return text.count <= flowLimit ? text : nil
    }

    /// A scalar on one line: plain when safe, double-quoted otherwise.
    private static func scalarText(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): YAMLScalarStyle.isPlainSafe(text) ? text : YAMLScalarStyle.doubleQuoted(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .sequence, .mapping: "null"
        }
    }

    private static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }
}
