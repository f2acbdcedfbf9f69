import IR

/// A pipeline whose attributes hold every kind of string the quoting rules must handle.
enum SampleStrings {
    static let file = "m_strings.XML"
    static let path = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m_strings")])

    /// (attribute name, value): each value exercises one quoting rule; the golden file shows the result.
    static let cases: [(String, String)] = [
        ("plain", "Customer Name"),
        ("double quotes inside", #"He said "hi""#),
        ("single quotes inside", "O'Brien"),
        ("colon space", "key: value"),
        ("colon no space", "http://example.com/a"),
        ("trailing colon", "label:"),
        ("leading spaces", "  two spaces"),
        ("trailing space", "trailing "),
        ("crlf", "line1\r\nline2"),
        ("literal block", "SELECT ID\nFROM T\n\nWHERE X = 1"),
        ("ends with newline", "SELECT 1\n"),
        ("indented first line", " SELECT 1\nFROM T"),
        ("tab at line start", "a\n\tb"),
        ("trailing blank on a line", "a \nb"),
        ("unicode", "Zażółć gęślą jaźń 日本語 🚀"),
        ("yes", "yes"),
        ("No", "No"),
        ("ON", "ON"),
        ("y", "y"),
        ("null", "null"),
        ("tilde", "~"),
        ("octal-looking", "012"),
        ("exponent", "1e3"),
        ("hex", "0x1F"),
        ("infinity", ".inf"),
        ("date", "2024-01-01"),
        ("true", "true"),
        ("empty", ""),
        ("hash start", "#comment"),
        ("space hash", "a #b"),
        ("hash inside", "a#b"),
        ("dash start", "-x"),
        ("brackets", "[x]"),
        ("braces", "{y}"),
        ("star", "*star"),
        ("ampersand", "&amp"),
        ("bang", "!bang"),
        ("pipe", "|pipe"),
        ("greater", ">gt"),
        ("percent", "%pct"),
        ("at", "@at"),
        ("backtick", "`tick"),
        ("question", "?q"),
        ("equals", "="),
        ("merge", "<<"),
        ("tab inside", "tab\there"),
        ("nul", "nul\u{0}x"),
        ("bell", "bell\u{7}"),
        ("no-break space", "a\u{A0}b"),
        ("byte order mark", "\u{FEFF}bom"),
        ("line separator", "a\u{2028}b"),
        ("backslash", #"C:\path\x"#),
        ("backslash in quotes", #"say "C:\x""#),
        ("number with letters", "1st_table"),
        ("negative", "-1"),
        ("plus", "+1"),
        ("comma list", "a, b"),
        ("dollar", "$$PARAM"),
    ]

    static var pipeline: Pipeline {
        let at = Provenance(path: path, location: SourceLocation(file: file, line: 1, column: 1))
        let node = Node(
            id: "EXP_strings", op: .project(ProjectSpec()),
            ports: [
                Port(
                    name: "o_text", type: .string(precision: 200), roles: [.output],
                    expression: ScalarExpression("IIF(A = 'x: y',\n    'yes',\n    'no')"),
                    provenance: Provenance(
                        path: path.appending("TRANSFORMATION", "EXP_strings").appending("PORT", "o_text"),
                        location: SourceLocation(file: file, line: 3, column: 5)))
            ],
            attributes: [Attribute("yes", "no"), Attribute("key: x", "")],
            provenance: Provenance(
                path: path.appending("TRANSFORMATION", "EXP_strings"),
                location: SourceLocation(file: file, line: 2, column: 3)))
        return Pipeline(
            name: "m_strings", origin: Origin(tool: "PowerCenter", file: file, path: path), nodes: [node],
            attributes: cases.map { Attribute($0.0, $0.1) }, provenance: at)
    }

    /// The smallest pipeline: no nodes, no optional parts.
    static var empty: Pipeline {
        let path = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m_empty")])
        return Pipeline(
            name: "m_empty", origin: Origin(tool: "PowerCenter", file: "empty.XML", path: path), nodes: [],
            provenance: Provenance(path: path, location: SourceLocation(file: "empty.XML")))
    }
}
