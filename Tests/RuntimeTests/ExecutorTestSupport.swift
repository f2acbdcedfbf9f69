import Foundation
import IR
import Importers
import Runtime
import Testing

/// A column written compactly: `NAME:n10` (decimal 10,0), `SAL:n8.2` (decimal 8,2), `NAME:s20`
/// (string 20), `K:i` (integer), `K:b` (bigint), `X:d` (double); a `*` after the name makes it a
/// primary key (`ID*:n10`), a `!` NOT NULL (`NAME!:s20`).
struct ExecutorColumn {
    let name: String
    let kind: Character
    let precision: Int
    let scale: Int
    let key: Bool
    let notNull: Bool

    init(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        key = parts[0].hasSuffix("*")
        notNull = parts[0].hasSuffix("!")
        name = key || notNull ? String(parts[0].dropLast()) : parts[0]
        let spec = parts.count > 1 ? parts[1] : "s20"
        kind = spec.first ?? "s"
        let numbers = spec.dropFirst().split(separator: ".").compactMap { Int($0) }
        precision = numbers.first ?? (kind == "i" ? 10 : kind == "b" ? 19 : kind == "d" ? 15 : 20)
        scale = numbers.count > 1 ? numbers[1] : 0
    }

    /// The datatype of a relational source or target field.
    var nativeType: String {
        kind == "s" ? "varchar2" : kind == "i" ? "integer" : kind == "d" ? "float" : "number(p,s)"
    }
    /// The datatype of a flat-file field.
    var fileType: String { kind == "s" ? "string" : "number" }
    /// The transformation datatype.
    var portType: String {
        switch kind {
        case "s": "string"
        case "i": "integer"
        case "b": "bigint"
        case "d": "double"
        default: "decimal"
        }
    }
    /// The SQLite column type holding the values exactly.
    var storage: String { kind == "i" || kind == "b" ? "INTEGER" : kind == "d" ? "REAL" : "TEXT" }

    /// `text` as a value of this column (`NULL` for NULL).
    func value(_ text: String) -> Value {
        if text == "NULL" { return .null }
        switch kind {
        case "s": return .string(text)
        case "i", "b": return .integer(Int64(text) ?? 0)
        case "d": return .double(Double(text) ?? 0)
        default: return .decimal(Decimal(string: text) ?? 0)
        }
    }
}

/// Builds a small PowerCenter export (one folder, one mapping) in the shape of
/// Tests/Fixtures/powercenter/*/input.xml.
struct ExportBuilder {
    var definitions: [String] = []
    var transformations: [String] = []
    var instances: [String] = []
    var connectors: [String] = []
    var instanceTypes: [String: String] = [:]

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }

    /// A transformation port (`TRANSFORMFIELD`) for column text `spec`.
    static func port(
        _ spec: String, _ portType: String = "INPUT/OUTPUT", expression: String? = nil,
        expressionType: String = "GENERAL", defaultValue: String = "", extra: String = ""
    ) -> String {
        let column = ExecutorColumn(spec)
        var text =
            "<TRANSFORMFIELD DATATYPE =\"\(column.portType)\" DEFAULTVALUE =\"\(escape(defaultValue))\" "
            + "NAME =\"\(column.name)\" "
            + "PORTTYPE =\"\(portType)\" PRECISION =\"\(column.precision)\" SCALE =\"\(column.scale)\""
        if let expression {
            text += " EXPRESSION =\"\(escape(expression))\" EXPRESSIONTYPE =\"\(expressionType)\""
        }
        return text + " \(extra)/>"
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "<TABLEATTRIBUTE NAME =\"\($0.0)\" VALUE =\"\(escape($0.1))\"/>" }.joined(separator: "\n")
    }

    static func fields(_ element: String, _ columns: [String], fileFormat: Bool) -> String {
        columns.enumerated().map { offset, text in
            let column = ExecutorColumn(text)
            return "<\(element) DATATYPE =\"\(fileFormat ? column.fileType : column.nativeType)\" "
                + "FIELDNUMBER =\"\(offset + 1)\" KEYTYPE =\"\(column.key ? "PRIMARY KEY" : "NOT A KEY")\" "
                + "NAME =\"\(column.name)\" NULLABLE =\"\(column.notNull ? "NOTNULL" : "NULL")\" PRECISION =\"\(column.precision)\" "
                + "SCALE =\"\(column.scale)\"/>"
        }.joined(separator: "\n")
    }

    /// The ports of a Sequence Generator: NEXTVAL and CURRVAL, bigint outputs.
    static let sequencePorts = [
        "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"NEXTVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>",
        "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"CURRVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>",
    ]

    /// A delimited flat-file format with a header row.
    static let csv =
        "<FLATFILE CODEPAGE =\"UTF-8\" DELIMITED =\"YES\" DELIMITERS =\",\" ESCAPE_CHARACTER =\"\" "
        + "QUOTE_CHARACTER =\"DOUBLE\" SKIPROWS =\"1\"/>"

    /// A source definition `name`, its Source Qualifier `SQ_<name>` (ordering by its first
    /// `sortedPorts` ports; its ports are `qualifier`'s, by default the columns) and the connectors
    /// between them.
    mutating func source(
        _ name: String, _ columns: [String], flatFile: String? = nil, sortedPorts: Int = 0, qualifier: [String]? = nil
    ) {
        let database = flatFile == nil ? "Oracle" : "Flat File"
        definitions.append(
            "<SOURCE DATABASETYPE =\"\(database)\" DBDNAME =\"db\" NAME =\"\(name)\" OWNERNAME =\"\">\n"
                + (flatFile ?? "") + "\n" + Self.fields("SOURCEFIELD", columns, fileFormat: flatFile != nil)
                + "\n</SOURCE>")
        instances.append(
            "<INSTANCE NAME =\"\(name)\" TRANSFORMATION_NAME =\"\(name)\" "
                + "TRANSFORMATION_TYPE =\"Source Definition\" TYPE =\"SOURCE\" DBDNAME =\"db\"/>")
        instanceTypes[name] = "Source Definition"
        transformation(
            "SQ_\(name)", type: "Source Qualifier", ports: (qualifier ?? columns).map { Self.port($0) },
            attributes: [("Sql Query", ""), ("Source Filter", ""), ("Number Of Sorted Ports", "\(sortedPorts)")],
            associated: name)
        connect(name, "SQ_\(name)", columns.map { ExecutorColumn($0).name })
    }

    /// A target definition and its instance.
    mutating func target(_ name: String, _ columns: [String], flatFile: String? = nil) {
        let database = flatFile == nil ? "Oracle" : "Flat File"
        definitions.append(
            "<TARGET DATABASETYPE =\"\(database)\" NAME =\"\(name)\">\n" + (flatFile ?? "") + "\n"
                + Self.fields("TARGETFIELD", columns, fileFormat: flatFile != nil) + "\n</TARGET>")
        instances.append(
            "<INSTANCE NAME =\"\(name)\" TRANSFORMATION_NAME =\"\(name)\" "
                + "TRANSFORMATION_TYPE =\"Target Definition\" TYPE =\"TARGET\"/>")
        instanceTypes[name] = "Target Definition"
    }

    /// A transformation and its instance; `body` holds extra children (GROUP, FIELDDEPENDENCY...).
    mutating func transformation(
        _ name: String, type: String, ports: [String], attributes: [(String, String)] = [], body: String = "",
        header: String = "", associated: String? = nil
    ) {
        transformations.append(
            "<TRANSFORMATION NAME =\"\(name)\" REUSABLE =\"NO\" TYPE =\"\(type)\" \(header)>\n" + body + "\n"
                + ports.joined(separator: "\n") + "\n" + Self.attributes(attributes) + "\n</TRANSFORMATION>")
        let inner = associated.map { "<ASSOCIATED_SOURCE_INSTANCE NAME =\"\($0)\"/>" } ?? ""
        instances.append(
            "<INSTANCE NAME =\"\(name)\" TRANSFORMATION_NAME =\"\(name)\" TRANSFORMATION_TYPE =\"\(type)\" "
                + "TYPE =\"TRANSFORMATION\">\(inner)</INSTANCE>")
        instanceTypes[name] = type
    }

    /// Connectors from `from` to `to`, one per entry: `PORT` (same name) or `FROM>TO`.
    mutating func connect(_ from: String, _ to: String, _ ports: [String]) {
        for entry in ports {
            let parts = entry.split(separator: ">").map(String.init)
            let (a, b) = (parts[0], parts.count > 1 ? parts[1] : parts[0])
            connectors.append(
                "<CONNECTOR FROMFIELD =\"\(a)\" FROMINSTANCE =\"\(from)\" "
                    + "FROMINSTANCETYPE =\"\(instanceTypes[from] ?? "")\" TOFIELD =\"\(b)\" TOINSTANCE =\"\(to)\" "
                    + "TOINSTANCETYPE =\"\(instanceTypes[to] ?? "")\"/>")
        }
    }

    /// The export's XML text.
    func xml(mapping: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE POWERMART SYSTEM "powrmart.dtd">
        <POWERMART CREATION_DATE="01/15/2024 10:00:00" REPOSITORY_VERSION="188.97">
        <REPOSITORY NAME="REP" VERSION="188" CODEPAGE="UTF-8" DATABASETYPE="Oracle">
        <FOLDER NAME="F" GROUP="" OWNER="dev" SHARED="NOTSHARED" DESCRIPTION="" PERMISSIONS="rwx---r--">
        \(definitions.joined(separator: "\n"))
        <MAPPING ISVALID ="YES" NAME ="\(mapping)">
        \(transformations.joined(separator: "\n"))
        \(instances.joined(separator: "\n"))
        \(connectors.joined(separator: "\n"))
        </MAPPING>
        </FOLDER>
        </REPOSITORY>
        </POWERMART>
        """
    }
}

extension ExportBuilder {
    /// Source `RT_IN (ID, A)` → router `RTR` with groups G1 and G2 (conditions `first` and
    /// `second`, XML-escaped) and DEFAULT1 → targets T_G1, T_G2 and T_DEF.
    static func router(first: String, second: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("RT_IN", ["ID:n10", "A:n4"])
        let groups = """
            <GROUP NAME ="INPUT" ORDER ="1" TYPE ="INPUT"/>
            <GROUP EXPRESSION ="\(first)" NAME ="G1" ORDER ="2" TYPE ="OUTPUT"/>
            <GROUP EXPRESSION ="\(second)" NAME ="G2" ORDER ="3" TYPE ="OUTPUT"/>
            <GROUP NAME ="DEFAULT1" ORDER ="4" TYPE ="OUTPUT/DEFAULT"/>
            """
        var ports = [
            ExportBuilder.port("ID:n10", "INPUT", extra: "GROUP =\"INPUT\""),
            ExportBuilder.port("A:n4", "INPUT", extra: "GROUP =\"INPUT\""),
        ]
        for (suffix, group) in [("1", "G1"), ("2", "G2"), ("3", "DEFAULT1")] {
            ports.append(
                ExportBuilder.port("ID\(suffix):n10", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"ID\""))
            ports.append(ExportBuilder.port("A\(suffix):n4", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"A\""))
        }
        export.transformation("RTR", type: "Router", ports: ports, body: groups)
        export.connect("SQ_RT_IN", "RTR", ["ID", "A"])
        for (suffix, target) in [("1", "T_G1"), ("2", "T_G2"), ("3", "T_DEF")] {
            export.target(target, ["ID:n10", "A:n4"])
            export.connect("RTR", target, ["ID\(suffix)>ID", "A\(suffix)>A"])
        }
        return export
    }
}

extension ExportBuilder {
    /// A Union transformation `name` with input groups G_A (ports ID1, NAME1) and G_B (ID2, NAME2)
    /// and output ports ID and NAME, the IDs of column kind `id` and the NAMEs of kind `name`
    /// (``ExecutorColumn`` syntax without the name, as `i` or `s20`).
    mutating func union(_ name: String, id: String, name nameKind: String) {
        let groups = """
            <GROUP NAME ="OUTPUT" ORDER ="1" TYPE ="OUTPUT"/>
            <GROUP NAME ="G_A" ORDER ="2" TYPE ="INPUT"/>
            <GROUP NAME ="G_B" ORDER ="3" TYPE ="INPUT"/>
            <FIELDDEPENDENCY INPUTFIELD ="ID1" OUTPUTFIELD ="ID"/>
            <FIELDDEPENDENCY INPUTFIELD ="ID2" OUTPUTFIELD ="ID"/>
            <FIELDDEPENDENCY INPUTFIELD ="NAME1" OUTPUTFIELD ="NAME"/>
            <FIELDDEPENDENCY INPUTFIELD ="NAME2" OUTPUTFIELD ="NAME"/>
            """
        func port(_ spec: String, _ type: String, _ group: String) -> String {
            ExportBuilder.port(spec, type, extra: "GROUP =\"\(group)\" OUTPUTGROUP =\"\(group)\"")
        }
        transformation(
            name, type: "Custom Transformation",
            ports: [
                port("ID:\(id)", "OUTPUT", "OUTPUT"), port("NAME:\(nameKind)", "OUTPUT", "OUTPUT"),
                port("ID1:\(id)", "INPUT", "G_A"), port("NAME1:\(nameKind)", "INPUT", "G_A"),
                port("ID2:\(id)", "INPUT", "G_B"), port("NAME2:\(nameKind)", "INPUT", "G_B"),
            ],
            attributes: [
                ("Module Identifier", "pmuniontrans"), ("Function Identifier", "pmunionfunc"), ("Is Active", "YES"),
            ],
            body: groups, header: "TEMPLATEID =\"303001\" TEMPLATENAME =\"Union Transformation\"")
    }
}
