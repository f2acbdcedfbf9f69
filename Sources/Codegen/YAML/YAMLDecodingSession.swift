import IR

/// The state of decoding one document: which keys of which mapping the `Decodable` types asked
/// for, the keys nobody asked for (unknown keys, reported with a suggestion), and the conversion of
/// decoding errors into positioned diagnostics.
final class YAMLDecodingSession {
    /// The file named in diagnostics.
    let file: String
    /// The document's root mapping; coding paths start from it.
    let root: YAMLSourceNode
    /// Diagnostics that do not stop decoding (unknown keys, a bad derived value).
    private(set) var diagnostics: [Diagnostic] = []
    private var mappings: [String: MappingRecord] = [:]

    private struct MappingRecord {
        var path: [any CodingKey]
        var entries: [YAMLSourceEntry]
        var read: Set<String> = []
        var unknown: Set<String> = []
        var finished = false
    }

    /// Keys a type writes but derives instead of reading: accepted on input, then recomputed.
    static func derivedKeys(of type: Any.Type) -> [String] {
        type == Pipeline.self || type == Workflow.self ? ["confidence"] : []
    }

    init(file: String, root: YAMLSourceNode) {
        self.file = file
        self.root = root
    }

    /// Decodes a `T` from `node`, then checks that every key of the node's mapping was asked for.
    func decodeValue<T: Decodable>(_ type: T.Type, from node: YAMLSourceNode, at path: [any CodingKey]) throws -> T {
        let value = try T(from: TreeDecoder(node: node, codingPath: path, session: self))
        if let entries = node.entries {
            finishMapping(at: path, entries: entries, derived: Self.derivedKeys(of: T.self))
        }
        return value
    }

    /// Registers a mapping when a keyed container opens it; keys that `Key` cannot represent are unknown at once.
    func openMapping<Key: CodingKey>(at path: [any CodingKey], entries: [YAMLSourceEntry], keyType: Key.Type) {
        let id = Self.pathID(path)
        guard mappings[id] == nil else { return }
        var record = MappingRecord(path: path, entries: entries)
        record.unknown = Set(entries.filter { Key(stringValue: $0.key) == nil }.map(\.key))
        mappings[id] = record
    }

    /// Records that the `Decodable` asked for `key` in the mapping with identifier `mappingID` (``pathID(_:)``).
    func markRead(_ key: String, inMapping mappingID: String) {
        mappings[mappingID]?.read.insert(key)
    }

    private func finishMapping(at path: [any CodingKey], entries: [YAMLSourceEntry], derived: [String]) {
        let id = Self.pathID(path)
        var record = mappings[id] ?? MappingRecord(path: path, entries: entries)
        for key in derived {
            record.read.insert(key)
            if let entry = entries.first(where: { $0.key == key }) { checkDerivedNumber(entry, at: path) }
        }
        record.unknown.formUnion(entries.map(\.key).filter { !record.read.contains($0) })
        record.finished = true
        mappings[id] = record
    }

    /// `confidence` is recomputed on output, but must still be a number in 0...1 on input.
    private func checkDerivedNumber(_ entry: YAMLSourceEntry, at path: [any CodingKey]) {
        if case .scalar(let text, plain: true) = entry.value.content, let value = YAMLPlainScalar.double(text),
            (0...1).contains(value)
        {
            return
        }
        diagnostics.append(
            YAMLDiagnostics.invalidScalar(
                "expected a number between 0 and 1 for '\(entry.key)', found \(entry.value.summary)\(contextSuffix(path))",
                at: location(entry.value), path: objectPath(path),
                fix: "write a number between 0 and 1, or remove the key (it is recomputed on output)"))
    }

    /// One diagnostic per unknown key, in document order.
    func unknownKeyDiagnostics() -> [Diagnostic] {
        var result: [Diagnostic] = []
        for record in mappings.values {
            for entry in record.entries where record.unknown.contains(entry.key) {
                result.append(
                    YAMLDiagnostics.unknownKey(
                        "unknown key '\(entry.key)'\(contextSuffix(record.path))",
                        at: SourceLocation(file: file, line: entry.line, column: entry.column),
                        path: objectPath(record.path), fix: unknownKeyFix(entry.key, record)))
            }
        }
        return result
    }

    private func unknownKeyFix(_ key: String, _ record: MappingRecord) -> String {
        let known = record.read.subtracting(record.unknown).sorted()
        if let suggestion = KeySuggestion.closest(to: key, among: known) {
            return "correct it to '\(suggestion)', or remove it"
        }
        if record.finished && !known.isEmpty {
            return "remove it; the keys allowed here are " + known.map { "'\($0)'" }.joined(separator: ", ")
        }
        return "remove it or correct its spelling (see schema/pipeline.schema.json)"
    }

    // MARK: Paths

    /// A string identifying a coding path (`pipeline.nodes.3.options`).
    static func pathID(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// ` for 'key'` or ` for item 2 of 'key'`: the field a scalar error is about.
    static func fieldPhrase(_ path: [any CodingKey]) -> String {
        guard let last = path.last else { return "" }
        guard let index = last.intValue else { return " for '\(last.stringValue)'" }
        let owner = path.dropLast().last.map { " of '\($0.stringValue)'" } ?? ""
        return " for item \(index + 1)\(owner)"
    }

    /// The location of a node.
    func location(_ node: YAMLSourceNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }
}

/// Suggests the known key closest to a misspelt one.
enum KeySuggestion {
    /// The known key within a small edit distance of `key`, if one is clearly closest.
    static func closest(to key: String, among known: [String]) -> String? {
        let limit = max(2, key.count / 3)
        let scored = known.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.0
    }

    /// The Levenshtein distance between two character arrays.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
