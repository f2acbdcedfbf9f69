import IR

/// Whether a Lookup computes exactly what a Master Outer Join with its table computes (the
/// conditions of ``LookupToJoin``), and what the join needs: the table, the key pairs and the
/// string comparison. Fails (nil) at the first condition that does not hold.
struct LookupJoinCheck {
    /// The looked-up table.
    let table: String
    /// The (lookup port, input port) pairs of the condition, in condition order.
    let keys: [(lookup: Port, input: Port)]
    /// Whether strings compare case-sensitively (the lookup's setting, which the join takes).
    let caseSensitive: Bool

    /// The join condition: `lookup_port = input_port AND …`.
    var joinCondition: String {
        keys.map { "\($0.lookup.name) = \($0.input.name)" }.joined(separator: " AND ")
    }

    /// Checks `node` in `pipeline`; nil when the rewrite could change a result.
    init?(_ node: Node, in pipeline: Pipeline, _ expressions: inout ParsedExpressions) {
        guard case .lookup(let spec) = node.op, Self.readsOnlyTheTable(spec, node),
            !node.notes.contains(where: { $0.severity != .note }), let table = spec.table?.trimmingSpaces(),
            !Self.isWritten(table, in: pipeline), Self.portsCarryOnlyValues(node),
            !pipeline.nodes.contains(where: { if case .transactionControl = $0.op { true } else { false } }),
            let keys = Self.keyPairs(spec, node, &expressions)
        else { return nil }
        for key in keys {
            guard key.lookup.type.family == key.input.type.family, key.lookup.type.family != .binary else { return nil }
            guard
                !spec.nullKeysMatch || Self.neverNull(key.lookup)
                    || NonNullPorts.neverNull(key.input, in: pipeline)
            else { return nil }
        }
        self.table = table
        self.keys = keys
        caseSensitive = spec.caseSensitive
    }

    /// A connected, static, non-persistent, all-values lookup reading a relational table as it
    /// is, through the sources' connection.
    static func readsOnlyTheTable(_ spec: LookupSpec, _ node: Node) -> Bool {
        let blank = { (text: String?) in text?.trimmingSpaces().isEmpty ?? true }
        guard spec.connected, spec.multipleMatch == .all, !spec.dynamic, !spec.persistent, blank(spec.sqlOverride),
            blank(spec.filter), !blank(spec.table), spec.sourceType == nil || spec.sourceType == "database"
        else { return false }
        let connection = spec.connection?.trimmingSpaces().uppercased() ?? ""
        guard connection.isEmpty || connection == "$SOURCE" else { return false }
        // The runtime reads the table an attribute names, before the spec's.
        let named = node.attributes.first { $0.name == "Lookup table name" }?.value.trimmingSpaces()
        return named == nil || named?.uppercased() == spec.table?.trimmingSpaces().uppercased()
    }

    /// Whether a relational target of `pipeline` writes `table` (schema and case ignored).
    static func isWritten(_ table: String, in pipeline: Pipeline) -> Bool {
        let name = unqualified(table)
        return pipeline.nodes.contains { node in
            guard case .target(let spec) = node.op else { return false }
            return unqualified(spec.table) == name
        }
    }

    /// `OWNER.TABLE` → `TABLE`, upper case.
    static func unqualified(_ table: String) -> String {
        String(table.trimmingSpaces().split(separator: ".").last ?? "").uppercased()
    }

    /// Whether every port is a fed input (optionally output) or a lookup column (optionally
    /// output), none computed, variable, returned or defaulted, with at least one lookup column.
    static func portsCarryOnlyValues(_ node: Node) -> Bool {
        var lookups = 0
        for port in node.ports {
            guard port.expression == nil, port.defaultValue?.text.trimmingSpaces().isEmpty ?? true else {
                return false
            }
            let roles = port.roles.subtracting(.output)
            if roles == .lookup {
                lookups += 1
            } else if roles != .input || port.source == nil {
                return false
            }
        }
        return lookups > 0
    }

    /// The (lookup, input) port pairs of a condition made only of `a = b` terms joined by AND,
    /// each comparing one lookup port with one input port; nil otherwise.
    static func keyPairs(_ spec: LookupSpec, _ node: Node, _ expressions: inout ParsedExpressions) -> [(
        lookup: Port, input: Port
    )]? {
        guard let text = spec.condition?.text, let tree = expressions.parsed(text) else { return nil }
        let find = { (name: String, role: PortRoles) in
            node.ports.first { $0.name.uppercased() == name.uppercased() && $0.roles.contains(role) }
        }
        var pairs: [(lookup: Port, input: Port)] = []
        var terms = [tree]
        while let term = terms.popLast() {
            if case .binary(.and, let l, let r) = term.kind {
                terms += [r, l]
                continue
            }
            guard case .binary(.equal, let l, let r) = term.kind, case .reference(let a) = l.kind,
                case .reference(let b) = r.kind
            else { return nil }
            if let lookup = find(a, .lookup), let input = find(b, .input) {
                pairs.append((lookup, input))
            } else if let lookup = find(b, .lookup), let input = find(a, .input) {
                pairs.append((lookup, input))
            } else {
                return nil
            }
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// Whether a lookup column is declared never NULL (not nullable, or part of the primary key).
    static func neverNull(_ port: Port) -> Bool {
        port.nullable == false || port.key == .primary || port.key == .primaryForeign
    }
}

/// Which ports provably never carry NULL: a source column declared not nullable or part of the
/// primary key, read through a plain source qualifier (one source, no SQL override, no join: a
/// user-defined outer join could add NULLs) and then through pass-through ports of filters,
/// sorters and Expression transformations.
enum NonNullPorts {
    /// Whether `port` (an input port) is fed, through pass-through ports, by a never-NULL column.
    static func neverNull(_ port: Port, in pipeline: Pipeline) -> Bool {
        var current = port.source
        var steps = 0
        while let ref = current, steps < pipeline.nodes.count {
            steps += 1
            guard let node = pipeline.node(id: ref.node), let upstream = node.port(named: ref.port) else {
                return false
            }
            switch node.op {
            case .source:
                return LookupJoinCheck.neverNull(upstream)
            case .sourceQuery(let spec):
                let blank = { (text: String?) in text?.trimmingSpaces().isEmpty ?? true }
                // A conversion from another family could turn a value into NULL; within one it
                // gives a value or a row error.
                guard spec.sources.count == 1, blank(spec.sqlOverride), blank(spec.join),
                    let read = upstream.source.flatMap({ pipeline.node(id: $0.node)?.port(named: $0.port) }),
                    read.type.family == upstream.type.family
                else { return false }
            case .filter, .sort, .project:
                guard passesThrough(upstream) else { return false }
            default:
                return false
            }
            current = upstream.source
        }
        return false
    }

    /// Whether `port` outputs its input value unchanged (no expression other than its own name).
    static func passesThrough(_ port: Port) -> Bool {
        guard port.roles.contains(.input), port.roles.contains(.output), !port.roles.contains(.variable) else {
            return false
        }
        guard let text = port.expression?.text.trimmingSpaces(), !text.isEmpty else { return true }
        return text.uppercased() == port.name.uppercased()
    }
}
