import Foundation
import IR

/// What a lookup key finds in the cache: one row, every row (`Use All Values`), or the row error
/// of `Report Error` with several matches.
enum LookupChoice: Sendable {
    case row([Value])
    case rows([[Value]])
    case error(RowError)
}

/// A lookup condition: equalities (hashed) and other comparisons (checked on the candidates),
/// each `lookup_port op input_port` (reference §2.6).
struct LookupCondition: Sendable {
    /// (input port, lookup port) pairs compared with `=`.
    var equalities: [(input: String, lookup: String)] = []
    /// (input port, lookup port, operator) with the lookup port on the left: `lookup op input`.
    var comparisons: [(input: String, lookup: String, op: BinaryOperator)] = []

    /// The input ports the condition reads, equalities first, in condition order.
    var inputs: [String] { equalities.map(\.input) + comparisons.map(\.input) }
}

/// A cached lookup's data indexed by its condition's equality key. With equalities only, the
/// multiple-match policy is applied once per key when the cache is built; with other comparisons
/// (`D <= IN_D`) the candidates of a key are filtered per row and the policy applied then.
struct LookupIndex: Sendable {
    /// The lookup's columns (its `lookup` ports), in port order.
    let columns: [String]
    /// The condition.
    let condition: LookupCondition
    let entries: [[Value]: LookupChoice]
    let candidates: [[Value]: [[Value]]]
    let comparisonColumns: [Int]
    let spec: LookupSpec
    let settings: EvaluationSettings
    let trimTrailingBlanks: Bool

    /// The input ports, in the order ``find(_:)`` takes their values.
    var inputKeys: [String] { condition.inputs }

    /// Builds the index of `table` (columns = `columns`).
    init(
        table: [[Value]], columns: [String], condition: LookupCondition, spec: LookupSpec,
        settings: EvaluationSettings
    ) throws(RowError) {
        self.columns = columns
        self.condition = condition
        self.spec = spec
        self.settings = settings
        trimTrailingBlanks = !settings.trailingBlanksSignificant
        let upper = columns.map { $0.uppercased() }
        let keyColumns = condition.equalities.map { key in upper.firstIndex(of: key.lookup.uppercased()) ?? 0 }
        comparisonColumns = condition.comparisons.map { key in upper.firstIndex(of: key.lookup.uppercased()) ?? 0 }
        var groups: [[Value]: [[Value]]] = [:]
        var order: [[Value]] = []
        for row in table {
            let key = keyColumns.map { row[$0] }
            if !spec.nullKeysMatch && key.contains(where: \.isNull) { continue }
            let normal = Self.normalize(key, caseSensitive: spec.caseSensitive, trim: trimTrailingBlanks)
            if groups[normal] == nil { order.append(normal) }
            groups[normal, default: []].append(row)
        }
        var entries: [[Value]: LookupChoice] = [:]
        if condition.comparisons.isEmpty {
            entries.reserveCapacity(groups.count)
            for key in order {
                guard let rows = groups[key] else { continue }
                entries[key] = Self.choose(rows, columns: columns, first: [], spec: spec, settings: settings)
            }
            groups = [:]
        }
        self.entries = entries
        candidates = groups
    }

    /// The policy applied to the rows a key matches.
    /// Rows are ordered by the `first` columns, then the others (reference §2.6 [BELIEVED]).
    static func choose(
        _ rows: [[Value]], columns: [String], first: [String], spec: LookupSpec, settings: EvaluationSettings
    ) -> LookupChoice {
        if rows.count == 1 { return spec.multipleMatch == .all ? .rows(rows) : .row(rows[0]) }
        let lookup = Lookup(
            table: RowSet(columns: columns, rows: rows), keys: first.map { KeyPair($0, $0) }, returning: columns,
            policy: spec.multipleMatch,
            nullKeysMatch: true, caseSensitive: spec.caseSensitive)
        do throws(RowError) {
            let chosen = try lookup.returnedValues(for: [], settings)
            return spec.multipleMatch == .all ? .rows(chosen) : .row(chosen.first ?? [])
        } catch {
            return .error(error)
        }
    }

    /// What the input values (in ``inputKeys`` order) find; nil for no match.
    func find(_ values: [Value]) -> LookupChoice? {
        let key = Array(values.prefix(condition.equalities.count))
        if !spec.nullKeysMatch && key.contains(where: \.isNull) { return nil }
        let normal = Self.normalize(key, caseSensitive: spec.caseSensitive, trim: trimTrailingBlanks)
        guard !condition.comparisons.isEmpty else { return entries[normal] }
        guard let rows = candidates[normal] else { return nil }
        let bounds = Array(values.dropFirst(condition.equalities.count))
        var matches: [[Value]] = []
        for row in rows where satisfies(row, bounds) { matches.append(row) }
        guard !matches.isEmpty else { return nil }
        let first = comparisonColumns.map { columns[$0] }
        return Self.choose(matches, columns: columns, first: first, spec: spec, settings: settings)
    }

    /// Whether `row` meets every comparison against `bounds`; NULL on either side is not a match.
    func satisfies(_ row: [Value], _ bounds: [Value]) -> Bool {
        for (offset, comparison) in condition.comparisons.enumerated() {
            let a = row[comparisonColumns[offset]]
            let b = bounds[offset]
            guard !a.isNull, !b.isNull,
                let order = try? KeyComparison.order(a, b, nulls: .high, caseSensitive: spec.caseSensitive, settings)
            else { return false }
            let holds: Bool
            switch comparison.op {
            case .less: holds = order < 0
            case .lessEqual: holds = order <= 0
            case .greater: holds = order > 0
            case .greaterEqual: holds = order >= 0
            case .notEqual: holds = order != 0
            default: holds = order == 0
            }
            if !holds { return false }
        }
        return true
    }

    /// What the key columns `columns` of `row` find, with only equality conditions (else nil);
    /// `scratch` is reused for the key so that a probe allocates nothing.
    func findEqual(_ row: [Value], columns: [Int], scratch: inout [Value]) -> LookupChoice? {
        scratch.removeAll(keepingCapacity: true)
        for column in columns {
            let value = row[column]
            if !spec.nullKeysMatch && value.isNull { return nil }
            scratch.append(Self.normalize(value, caseSensitive: spec.caseSensitive, trim: trimTrailingBlanks))
        }
        return entries[scratch]
    }

    /// Key values in a form where equal keys are equal values: whole numbers as integers, other
    /// numbers as their exact text, strings folded to upper case when comparison ignores case.
    static func normalize(_ key: [Value], caseSensitive: Bool, trim: Bool) -> [Value] {
        key.map { normalize($0, caseSensitive: caseSensitive, trim: trim) }
    }

    /// One key value in the form of ``normalize(_:caseSensitive:trim:)``.
    static func normalize(_ value: Value, caseSensitive: Bool, trim: Bool) -> Value {
        switch value {
        case .decimal(let d):
            if d == d.rounded(0), let whole = Int64(exactly: NSDecimalNumber(decimal: d).int64Value),
                Decimal(whole) == d
            {
                return .integer(whole)
            }
            return .string("#" + SQLiteValueText.text(of: d))
        case .double(let x):
            if x.rounded() == x, abs(x) < 9e15 { return .integer(Int64(x)) }
            return .string("#\(x)")
        case .string(var s):
            if trim { while s.hasSuffix(" ") { s.removeLast() } }
            return .string(caseSensitive ? s : s.uppercased())
        default:
            return value
        }
    }
}

extension Decimal {
    /// The value rounded to `scale` decimal places, half away from zero.
    func rounded(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}

/// A connected Lookup: each row gets the looked-up columns of its match; with no match, each
/// lookup port's default value, NULL without one; under `Use All Values` one row per match
/// (reference §2.6).
final class LookupRunner: NodeRunner {
    let spec: LookupSpec
    let loader: LookupLoader
    /// What each output port holds when nothing matches (in output order): a lookup port's
    /// constant default value (§2.6 BELIEVED, ``EvaluationSettings/lookupDefaultOnNoMatch``), else
    /// NULL; input ports are read from the row.
    let noMatch: [Value]
    var index: LookupIndex?
    /// Per output port: the input column it passes on, or the lookup column it returns.
    var plan: [(fromInput: Bool, column: Int)] = []
    var keyColumns: [Int] = []
    /// The key of the row being looked up, reused from row to row.
    var scratchKey: [Value] = []

    init(layout: NodeLayout, spec: LookupSpec, loader: LookupLoader, compiler: NodeCompiler) throws(NodeFailure) {
        self.spec = spec
        self.loader = loader
        var noMatch: [Value] = []
        for index in layout.outputPorts[""] ?? [] {
            let port = layout.node.ports[index]
            noMatch.append(
                port.roles.contains(.lookup) && compiler.settings.lookupDefaultOnNoMatch
                    ? try Self.defaultValue(of: port, in: layout.node, compiler) : .null)
        }
        self.noMatch = noMatch
        super.init(layout: layout)
    }

    /// The constant default value of lookup port `port` (NULL without one); a default that is
    /// not a constant of the port's type fails the node.
    static func defaultValue(of port: IR.Port, in node: Node, _ compiler: NodeCompiler) throws(NodeFailure) -> Value {
        guard let text = port.defaultValue?.text, !text.trimmingSpaces().isEmpty else { return .null }
        let compiled = try compiler.compile(text, in: node, columns: [])
        guard let constant = compiled.constantValue,
            let value = try? PortCoercion.coerce(constant, to: port.type, compiler.settings, port: port.name)
        else {
            throw NodeFailure(
                RunDiagnostics.unsupportedNode(
                    "the default value '\(text)' of lookup port '\(port.name)' of '\(node.id)' is not a constant",
                    at: port.provenance.location, path: port.provenance.path,
                    fix: "use a constant such as 0, 'N/A' or NULL"))
        }
        return value
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        try consume(InputBatch(batch), group: group, context)
    }

    /// Looks up each row, each read into one reused buffer.
    override func consume(_ input: InputBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let index = try loadedIndex(context)
        var output = RowBatch(columns: layout.outputNames(""))
        output.rows.reserveCapacity(input.count)
        output.kinds.reserveCapacity(input.count)
        let width = plan.count
        let equalitiesOnly = index.condition.comparisons.isEmpty
        var row: [Value] = []
        // The input rows kept, once one is dropped (a passive lookup gives each row one row).
        var kept: [Int]?
        for position in 0..<input.count {
            input.fill(&row, at: position)
            let kind = input.kinds[position]
            let found =
                equalitiesOnly
                ? index.findEqual(row, columns: keyColumns, scratch: &scratchKey)
                : index.find(keyColumns.map { row[$0] })
            switch found {
            case nil:
                output.append(assemble(row, nil, width), kind: kind)
                kept?.append(position)
            case .row(let match):
                output.append(assemble(row, match, width), kind: kind)
                kept?.append(position)
            case .rows(let matches):
                for match in matches { output.append(assemble(row, match, width), kind: kind) }
            case .error(let error):
                context.reject(id, error, kind: kind, values: row)
                if kept == nil { kept = Array(0..<position) }
            }
        }
        // A lookup returning every match starts a row stream of its own (``RowOrigins``).
        if let kept, RowOrigins.isPassive(node.op) { output.streamPositions = input.streamPositions(keeping: kept) }
        count(context, in: input.count, out: output.count)
        return ["": output]
    }

    @inline(__always)
    func assemble(_ row: [Value], _ match: [Value]?, _ width: Int) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(width)
        for (position, (fromInput, column)) in plan.enumerated() {
            if fromInput {
                values.append(row[column])
            } else {
                values.append(match.map { $0[column] } ?? noMatch[position])
            }
        }
        return values
    }

    func loadedIndex(_ context: RunContext) throws(NodeFailure) -> LookupIndex {
        if let index { return index }
        let loaded = try loader.load(node: node, spec: spec, context: context)
        let inputs = layout.inputNames("").map { $0.uppercased() }
        let lookupColumns = loaded.columns.map { $0.uppercased() }
        keyColumns = loaded.inputKeys.map { inputs.firstIndex(of: $0.uppercased()) ?? 0 }
        plan = (layout.outputPorts[""] ?? []).map { portIndex in
            let port = node.ports[portIndex]
            if port.roles.contains(.lookup), let column = lookupColumns.firstIndex(of: port.name.uppercased()) {
                return (false, column)
            }
            return (true, inputs.firstIndex(of: port.name.uppercased()) ?? 0)
        }
        index = loaded
        return loaded
    }
}
