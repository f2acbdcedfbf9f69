/// Writes a realistic, deterministic PowerCenter-like export: folders of sources, targets and
/// mappings (Source Qualifier → Expression → Filter → target, with ports, table attributes,
/// instances and connectors), then sessions and a workflow per folder.
struct ExportGenerator {
    /// One column of a generated table.
    struct Column {
        var name: String
        var sourceType: String
        var portType: String
        var precision: Int
        var scale: Int
    }

    /// How many mappings go in one folder.
    static let mappingsPerFolder = 50

    private var random: SeededGenerator
    private let writer: ExportWriter
    private let encoding: ExportWriter.Encoding

    /// Creates a generator writing to `writer`.
    init(seed: UInt64, writer: ExportWriter, encoding: ExportWriter.Encoding) {
        random = SeededGenerator(seed: seed)
        self.writer = writer
        self.encoding = encoding
    }

    /// Writes mappings until `mappings` are written or the output reaches `bytes`; returns the count.
    mutating func writeExport(mappings: Int?, bytes: Int?) -> Int {
        writer.write("<?xml version=\"1.0\" encoding=\"\(encoding.declaredName)\"?>\n")
        writer.write("<!DOCTYPE POWERMART SYSTEM \"powrmart.dtd\">\n")
        writer.write("<POWERMART CREATION_DATE=\"01/15/2025 09:30:00\" REPOSITORY_VERSION=\"189.98\">\n")
        writer.write(
            "<REPOSITORY NAME=\"REP_BENCH\" VERSION=\"189\" CODEPAGE=\"\(encoding.codePage)\" DATABASETYPE=\"Oracle\">\n"
        )
        var written = 0
        var folder = 0
        func done() -> Bool {
            if let mappings { return written >= mappings }
            return writer.byteCount >= (bytes ?? 0)
        }
        while !done() {
            folder += 1
            let folderName = "BENCH_F\(folder)"
            writer.write(
                "<FOLDER NAME=\"\(folderName)\" GROUP=\"\" OWNER=\"Administrator\" SHARED=\"NOTSHARED\" "
                    + "DESCRIPTION=\"Données de référence générées, coût en €\" PERMISSIONS=\"rwx---r--\" "
                    + "UUID=\"00000000-0000-4000-8000-\(zeroPadded12(folder))\">\n")
            var names: [String] = []
            while names.count < Self.mappingsPerFolder && !done() {
                written += 1
                names.append(writeMappingWithTables(number: written))
            }
            writeSessionsAndWorkflow(folder: folderName, mappings: names)
            writer.write("</FOLDER>\n")
        }
        writer.write("</REPOSITORY>\n</POWERMART>\n")
        return written
    }

    // MARK: - Tables and mappings

    private mutating func columns(count: Int) -> [Column] {
        let stems = [
            "CUSTOMER_ID", "ORDER_ID", "ORDER_DATE", "AMOUNT", "QUANTITY", "STATUS", "REGION", "CITY", "PRODUCT_CODE",
            "UNIT_PRICE", "DISCOUNT", "CREATED_AT", "UPDATED_AT", "EMAIL", "PHONE", "COUNTRY", "SEGMENT", "CURRENCY",
        ]
        let types: [(String, String, Int, Int)] = [
            ("varchar2", "string", 50, 0), ("number", "decimal", 12, 2), ("date", "date/time", 29, 9),
            ("number", "integer", 10, 0), ("varchar2", "string", 10, 0), ("char", "string", 1, 0),
        ]
        return (0..<count).map { index in
            let type = random.pick(types)
            return Column(
                name: "\(random.pick(stems))_\(index + 1)", sourceType: type.0, portType: type.1,
                precision: type.2, scale: type.3)
        }
    }

    /// Writes SOURCE, TARGET and MAPPING number `number`; returns the mapping name.
    private mutating func writeMappingWithTables(number: Int) -> String {
        let columns = columns(count: random.int(12...36))
        let derived = (1...random.int(3...8)).map { "o_DERIVED_\($0)" }
        let source = "SRC_ORDERS_\(number)"
        let target = "TGT_ORDERS_\(number)"
        writer.write(PowerCenterText.source(name: source, columns: columns))
        writer.write(PowerCenterText.target(name: target, columns: columns, derived: derived))
        let mapping = "m_load_orders_\(number)"
        writer.write(
            "    <MAPPING DESCRIPTION =\"Charge les commandes (coût total en €)\" ISVALID =\"YES\" NAME =\"\(mapping)\" "
                + "OBJECTVERSION =\"1\" VERSIONNUMBER =\"1\">\n")
        let qualifier = "SQ_\(source)"
        let expression = "EXP_DERIVE_\(number)"
        let filter = "FIL_VALID_\(number)"
        writer.write(PowerCenterText.sourceQualifier(name: qualifier, table: source, columns: columns))
        writer.write(
            PowerCenterText.expression(
                name: expression, columns: columns, derived: derived, formulas: derived.map { _ in formula(columns) }))
        writer.write(PowerCenterText.filter(name: filter, columns: columns, derived: derived))
        writer.write(
            PowerCenterText.instances(
                source: source, qualifier: qualifier,
                steps: [
                    (expression, "Expression"), (filter, "Filter"),
                ], target: target))
        let all = columns.map(\.name)
        writer.write(
            PowerCenterText.connectors(all, from: (source, "Source Definition"), to: (qualifier, "Source Qualifier")))
        writer.write(
            PowerCenterText.connectors(all, from: (qualifier, "Source Qualifier"), to: (expression, "Expression")))
        writer.write(
            PowerCenterText.connectors(all + derived, from: (expression, "Expression"), to: (filter, "Filter")))
        writer.write(
            PowerCenterText.connectors(all + derived, from: (filter, "Filter"), to: (target, "Target Definition")))
        writer.write("        <TARGETLOADORDER ORDER =\"1\" TARGETINSTANCE =\"\(target)\"/>\n        <ERPINFO/>\n")
        writer.write("    </MAPPING>\n")
        return mapping
    }

    /// A PowerCenter expression over `columns`, with quotes and an embedded CR LF as exports have.
    /// Every expression type checks: a date is compared with numbers through its day of the month,
    /// or compared with a number column through both as text (PowerCenter rejects comparing a date
    /// with a number, and so does the type checker, IR0153). Choosing so draws no more random
    /// numbers, so the rest of an export is what the same seed always gave.
    private mutating func formula(_ columns: [Column]) -> String {
        let first = random.pick(columns)
        let second = random.pick(columns)
        let (a, b) = (first.name, second.name)
        switch random.int(0...4) {
        case 0: return "IIF(ISNULL(\(a)), &apos;N/A&apos;, LTRIM(RTRIM(TO_CHAR(\(a)))))"
        case 1:
            let number = first.portType == "date/time" ? "GET_DATE_PART(\(a), &apos;DD&apos;)" : a
            return
                "DECODE(TRUE,&#xD;&#xA;  \(number) &gt; 100, &apos;HIGH&apos;,&#xD;&#xA;  \(number) &lt;= 0, &apos;NONE&apos;,&#xD;&#xA;  &apos;LOW&apos;)"
        case 2: return "TO_CHAR(\(a)) || &apos;-&apos; || TO_CHAR(\(b))"
        case 3:
            let types = Set([first.portType, second.portType])
            let dateAndNumber = types.contains("date/time") && !types.isDisjoint(with: ["decimal", "integer"])
            let compared = dateAndNumber ? "TO_CHAR(\(a)) &lt;&gt; TO_CHAR(\(b))" : "\(a) &lt;&gt; \(b)"
            return "IIF(\(compared) AND NOT ISNULL(\(b)), 1, 0)"
        default: return "SUBSTR(TO_CHAR(\(a)), 1, 10) -- coupé à 10 caractères"
        }
    }

    // MARK: - Sessions and workflow

    private mutating func writeSessionsAndWorkflow(folder: String, mappings: [String]) {
        writer.write(PowerCenterText.sessionConfig)
        for mapping in mappings { writer.write(PowerCenterText.session(mapping: mapping)) }
        writer.write(PowerCenterText.workflow(name: "wf_\(folder)", sessions: mappings.map { "s_\($0)" }))
    }
}

/// `value` as a 12-digit zero-padded decimal.
private func zeroPadded12(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: Swift.max(0, 12 - digits.count)) + digits
}
