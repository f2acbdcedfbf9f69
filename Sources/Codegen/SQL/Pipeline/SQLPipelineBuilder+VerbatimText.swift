import IR

/// The database SQL text from the export was written for: a source's, or the one a lookup's
/// connection reaches.
struct SQLTextOrigin {
    /// What reaches that database, for messages (`source 'CUSTOMERS'`, `connection '$Target'`).
    let owner: String
    /// The database type as the export gives it (`Oracle`, `Microsoft SQL Server`, `ODBC`); nil
    /// when it gives none.
    let database: String?
}

extension SQLPipelineBuilder {
    /// `text`, written by the mapping's author in the SQL of `origin`'s database, with its
    /// parameters substituted, to be emitted verbatim; a note (CG2090) records it for review.
    ///
    /// Refused when the dialect is not that database's (the text would need a translation), when
    /// the database type names no dialect, when a parameter has no value here, or when the text
    /// names a common table the statement defines (it would read that instead of its table).
    /// `sourceText` false: a target's text, a statement of its own, which
    /// ``SQLPipelineLowering/includesTargetSQL`` governs.
    mutating func verbatimText(
        _ text: String, _ what: String, of subject: String, _ node: Node, origin: SQLTextOrigin,
        _ descriptor: DiagnosticDescriptor, sourceText: Bool = true
    ) throws(SQLPushdownRefusal) -> String {
        func refuse(_ why: String, fix: String = "keep this path in the runtime") -> SQLPushdownRefusal {
            refusal(descriptor, node, "\(subject) has a \(what) \(why)", fix: fix)
        }
        guard context.lowering.includesSourceSQL || !sourceText else {
            throw refuse(
                "(SQL text from the export), which is left out here, as the native run on scratch data leaves it out")
        }
        guard let database = origin.database, let written = Self.dialectName(ofDatabase: database) else {
            let type = origin.database.map { "type '\($0)'" } ?? "type the export does not give"
            throw refuse(
                "written for the database of \(origin.owner), whose \(type) names no SQL dialect; "
                    + "the text cannot be checked against \(dialect.name)")
        }
        guard dialect.isNamed(written) else {
            throw refuse(
                "written for \(database); lowering to \(dialect.name) would need a translation",
                fix: "keep this path in the runtime, or lower to \(written) (--dialect \(written))")
        }
        let (substituted, unresolved) = Self.substituted(text, parameterValues)
        if let name = unresolved.first {
            let given = context.lowering.parameters == nil ? "no parameter values were given" : "it has no value"
            throw refuse(
                "naming parameter '\(name)', substituted only at run time (\(given))",
                fix: "give the parameter's value (migrate sql --params FILE), or keep this path in the runtime")
        }
        // A target's text is a statement of its own, which no common table of the load shadows.
        if sourceText, let name = commonTableNameRead(by: substituted) {
            throw refuse(
                "that reads '\(name)', the name of a common table of the generated statement",
                fix: "keep this path in the runtime")
        }
        verbatimNotes.append(
            SQLPipelineDiagnostics.verbatimSQL(
                "the \(what) of \(subject) is sent to \(dialect.name) as written in the export: trusted text, "
                    + "not translated",
                at: node.provenance.location, path: node.provenance.path,
                notes: ["text: " + Self.excerpt(substituted)],
                fix: "review the text: it runs unchanged on the database, as PowerCenter sent it"))
        return substituted
    }

    /// The dialect a PowerCenter database type (`DATABASETYPE`) writes SQL in, or a dialect's own
    /// name; nil for types that name no dialect (`ODBC`, `DB2`, `Informix`, `Flat File`).
    static func dialectName(ofDatabase database: String) -> String? {
        let key = database.lowercased().filter { $0.isLetter }
        let names: [String: String] = [
            "oracle": "oracle", "microsoftsqlserver": "sqlserver", "sqlserver": "sqlserver", "sybase": "sybase",
            "sybasease": "sybase", "teradata": "teradata", "postgresql": "postgres", "postgres": "postgres",
            "sqlite": "sqlite", "snowflake": "snowflake", "duckdb": "duckdb", "bigquery": "bigquery",
            "googlebigquery": "bigquery", "databricks": "databricks",
        ]
        return names[key]
    }

    /// The values `$NAME` and `$$NAME` take, by upper-case name without `$`: the lowering's
    /// parameter values, then the declared defaults of mapping parameters (not variables, whose
    /// value persists between runs). Empty when the lowering was given no values.
    var parameterValues: [String: String] {
        guard let given = context.lowering.parameters else { return [:] }
        var values: [String: String] = [:]
        for parameter in context.pipeline.parameters where parameter.kind != .variable {
            if let value = parameter.defaultValue { values[Self.parameterKey(parameter.name)] = value }
        }
        for (name, value) in given { values[Self.parameterKey(name)] = value }
        return values
    }

    static func parameterKey(_ name: String) -> String {
        String(name.drop { $0 == "$" }).uppercased()
    }

    /// `text` with every `$NAME` or `$$NAME` that has a value replaced by it, as the runtime
    /// substitutes, and the names left that PowerCenter would substitute: `$$` names, and `$`
    /// names starting a word (`$Param_Filter`, not Oracle's `V$SESSION`).
    static func substituted(_ text: String, _ values: [String: String]) -> (text: String, unresolved: [String]) {
        // Most texts name no parameter: they are kept as they are, without splitting them into characters.
        guard text.utf8.contains(UInt8(ascii: "$")) else { return (text, []) }
        let characters = Array(text)
        var result = ""
        var unresolved: [String] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "$" else {
                result.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end] == "$" { end += 1 }
            let nameStart = end
            while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
            let name = String(characters[nameStart..<end])
            let written = String(characters[index..<end])
            if !name.isEmpty, let value = values[name.uppercased()] {
                result += value
            } else {
                result += written
                let wordStart = index == 0 || !(isNameCharacter(characters[index - 1]) || characters[index - 1] == "#")
                if name.first?.isLetter == true, nameStart - index > 1 || wordStart { unresolved.append(written) }
            }
            index = end
        }
        return (result, unresolved)
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// ``isNameCharacter(_:)``, `$` or `#`, for an ASCII byte.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "#"):
            true
        default: false
        }
    }

    /// The first name in `text` that is, or could become, a common table of the statement: a
    /// transformation's name, alone or with a suffix (`EXP_1_2`, `LKP_ROWS`).
    func commonTableNameRead(by text: String) -> String? {
        let (names, lengths) = context.analysis.transformationNames
        let ascii = text.isASCII
        for word in ascii ? Self.asciiWords(text) : Self.characterWords(text) {
            let upper = word.uppercased()
            if names.contains(upper) { return word }
            guard ascii else {
                // Cut character by character: in text that is not ASCII, an `_` byte may belong
                // to another character.
                var prefix = Substring(upper)
                while let underscore = prefix.lastIndex(of: "_") {
                    prefix = prefix[..<underscore]
                    if names.contains(String(prefix)) { return word }
                }
                continue
            }
            // An ASCII word is cut on its bytes, and a part is made into a string only when some
            // name has its length.
            let bytes = upper.utf8
            var end = bytes.endIndex
            while let underscore = bytes[..<end].lastIndex(of: UInt8(ascii: "_")) {
                end = underscore
                guard lengths.contains(bytes.distance(from: bytes.startIndex, to: end)) else { continue }
                if let prefix = String(bytes[..<end]), names.contains(prefix) { return word }
            }
        }
        return nil
    }

    /// The identifier-like words of `text` (letters, digits, `_`, `$`, `#`), quoted or not.
    static func words(_ text: String) -> [String] {
        text.isASCII ? asciiWords(text) : characterWords(text)
    }

    /// ``words(_:)`` of ASCII text, split on its bytes: the same words without looking up a
    /// character's Unicode properties, since among ASCII characters only `A`–`Z`, `a`–`z` are
    /// letters and `0`–`9` numbers, and a CR LF pair, one character, is two separators.
    static func asciiWords(_ text: String) -> [String] {
        text.utf8.split { !isNameByte($0) }.compactMap { String($0) }
    }

    /// ``words(_:)`` found character by character, as it is for text that is not ASCII.
    static func characterWords(_ text: String) -> [String] {
        text.split { !(isNameCharacter($0) || $0 == "$" || $0 == "#") }.map(String.init)
    }

    /// The text on one line, at most 200 characters.
    static func excerpt(_ text: String) -> String {
        let line = lines(SQLVerbatimText.trimmed(text)).map { $0.trimmingSpaces() }.joined(separator: " ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// The non-empty lines of `text`.
    static func lines(_ text: String) -> [String] {
        // ASCII text is split on its bytes: LF, VT, FF and CR are its only line breaks. A CR LF
        // pair is one character but two bytes; the empty part between them is dropped, as every
        // empty part is.
        guard text.isASCII else { return characterLines(text) }
        return text.utf8.split { (0x0A...0x0D).contains($0) }.compactMap { String($0) }
    }

    /// ``lines(_:)`` found character by character, as it is for text that is not ASCII.
    static func characterLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
    }

    /// The Pre SQL and Post SQL statements of target `node` (the session's, else the mapping's
    /// attributes): trusted text written for the target's database, emitted verbatim only in its
    /// dialect, with parameters substituted, each with a CG2090 note (``verbatimText(_:_:of:_:origin:_:sourceText:)``);
    /// none where ``SQLPipelineLowering/includesTargetSQL`` is off (verification on scratch data).
    mutating func targetTexts(_ node: Node, _ spec: TargetSpec) throws(SQLPushdownRefusal)
        -> (pre: [SQLStatement], post: [SQLStatement])
    {
        guard context.lowering.includesTargetSQL else { return ([], []) }
        let given = context.lowering.targetSQL[node.id]
        func text(_ name: String, _ session: String?) -> String? {
            let value = session ?? node.attributes.first { $0.name == name }?.value
            return value.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        }
        let origin = SQLTextOrigin(owner: "target '\(node.id)'", database: spec.database)
        var result: (pre: [SQLStatement], post: [SQLStatement]) = ([], [])
        for (name, value) in [("Pre SQL", text("Pre SQL", given?.pre)), ("Post SQL", text("Post SQL", given?.post))] {
            guard let value else { continue }
            let emitted = try verbatimText(
                value, name, of: "target '\(node.id)'", node, origin: origin, SQLPipelineDiagnostics.targetNotLowered,
                sourceText: false)
            if name == "Pre SQL" {
                result.pre.append(.verbatim(emitted))
            } else {
                result.post.append(.verbatim(emitted))
            }
        }
        return result
    }
}
