import IR

/// Turns a connected "Use All Values" Lookup on a relational table into a Joiner of its input
/// rows (detail, `left`) with a Source Qualifier reading the table (master, `right`), Master
/// Outer (`left-outer`: every input row is kept), so that the SQL lowering can push it down and
/// the planner sees a join.
///
/// Before: `SQ_IN → LKP (in ID, in IN_K, lookup/out K, lookup/out V; all values; K = IN_K) → T`.
/// After: `SQ_IN → JNR_LKP (left ID, IN_K; right K, V; left-outer; K = IN_K) → T`, with
/// `LKP (source, table LKT: K, V) → SQ_LKP → JNR_LKP (right)`. The source takes the lookup's id,
/// so synthetic data and a session's connection for the lookup still reach the table; the join's
/// output ports keep the lookup's names, types and order, and the ports that read the lookup read
/// the join.
///
/// The lookup returns one row per matching table row and one row of NULLs for an input row without
/// a match (reference §2.6); a Master Outer Join returns one row per matching master row and one row
/// of NULL master columns for an unmatched detail row (§2.5, G15): the same multiset of rows,
/// exactly when every condition below holds (each checked in ``LookupJoinCheck``):
/// - the policy is `all` (the other policies pick one row, which a join does not);
/// - the lookup is connected, static (not dynamic), not persistent, reads a relational table
///   (source type absent or `database`, a table name, no SQL override, no source filter, no
///   `Lookup table name` attribute naming another table) through the sources' connection (none or
///   `$Source`), and no target of the pipeline writes that table (a lookup read once and a table
///   written during the run could disagree);
/// - the condition is a conjunction of `lookup_port = input_port` (either way round), each pair of
///   one type family other than binary: the native Lookup and Joiner then both hash keys with
///   `LookupIndex.normalize` (same trailing-blank rule, same case folding, since the join takes the
///   lookup's `caseSensitive`), and neither converts a key to the other side's type;
/// - NULL keys: the join's NULL never matches, so the rewrite is made when the lookup's NULL does
///   not match either (`nullKeysMatch` false: uncached) or, per key pair, one side is provably never
///   NULL (a lookup port marked not nullable or primary key, or an input fed, through pass-through
///   ports, by a source column that is), so a NULL = NULL match cannot happen;
/// - every port is an input (with a source; group `left`) or a lookup port (group `right`, read
///   from the new source qualifier), none computed, variable, a return port or with a default value
///   (a lookup's default is believed to replace a missing match), so both nodes output the same
///   values; the node carries no warning or error note;
/// - the pipeline has no transaction control (a blocking join could move commit points).
///
/// Row order within the stream is kept (input order, each row's matches in table order, which both
/// read with the same `SELECT` of the table); only the interleaving with other streams at a later
/// Union can differ, as it may in PowerCenter. A row error at an input port (a value that does not
/// convert to the port's type) is raised by the join, which has the same ports.
public struct LookupToJoin: PipelinePass {
    /// `lookup-to-join`.
    public let name = "lookup-to-join"
    /// What the pass does.
    public let summary = "turn a 'Use All Values' lookup on a table into a master outer join with it"

    /// Creates the pass.
    public init() {}

    /// The same, parsing through `expressions`.
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        var current = pipeline
        let lookups = pipeline.nodes.filter { if case .lookup = $0.op { true } else { false } }.map(\.id)
        for id in lookups {
            guard let index = current.nodes.firstIndex(where: { $0.id == id }),
                let check = LookupJoinCheck(current.nodes[index], in: current, &expressions)
            else { continue }
            // The note is located at the lookup itself: `index` is its place in `current`, where
            // each earlier rewrite has put three nodes in the place of one.
            let provenance = current.nodes[index].provenance
            let (rewritten, joinID) = Self.rewrite(current, at: index, check)
            current = rewritten
            notes.append(
                OptimizerSupport.note(
                    name, "turned lookup '\(id)' into master outer join '\(joinID)' with table '\(check.table)'",
                    provenance))
        }
        return current
    }

    /// `pipeline` with the lookup at `index` replaced by a source (the lookup's id), its source
    /// qualifier and the join; returns the join's id too.
    static func rewrite(_ pipeline: Pipeline, at index: Int, _ check: LookupJoinCheck) -> (Pipeline, String) {
        let lookup = pipeline.nodes[index]
        var used = Set(pipeline.nodes.map(\.id))
        let qualifierID = unique("SQ_" + lookup.id, &used)
        let joinID = unique("JNR_" + lookup.id, &used)
        let lookupPorts = lookup.ports.filter { $0.roles.contains(.lookup) }
        let source = Node(
            id: lookup.id, op: .source(SourceSpec(table: check.table)), description: lookup.description,
            ports: lookupPorts.map { port in
                Port(
                    name: port.name, type: port.type, nativeType: port.nativeType, roles: [.output],
                    nullable: port.nullable, key: port.key, provenance: port.provenance)
            }, provenance: lookup.provenance, definition: lookup.definition)
        let qualifier = Node(
            id: qualifierID, op: .sourceQuery(SourceQuerySpec(sources: [lookup.id])),
            ports: lookupPorts.map { port in
                Port(
                    name: port.name, type: port.type, roles: [.input, .output],
                    source: PortRef(node: lookup.id, port: port.name), provenance: port.provenance)
            }, provenance: lookup.provenance)
        var join = lookup
        join.id = joinID
        join.attributes = []
        join.definition = nil
        join.op = .join(
            JoinSpec(
                kind: .leftOuter, condition: ScalarExpression(check.joinCondition), nullKeysMatch: false,
                caseSensitive: check.caseSensitive))
        for p in join.ports.indices {
            if join.ports[p].roles.contains(.lookup) {
                join.ports[p].roles = join.ports[p].roles.subtracting(.lookup).union(.input)
                join.ports[p].group = "right"
                join.ports[p].source = PortRef(node: qualifierID, port: join.ports[p].name)
            } else {
                join.ports[p].group = "left"
            }
        }
        var result = pipeline
        for (n, p) in OptimizerSupport.consumers(of: lookup.id, in: pipeline) {
            result.nodes[n].ports[p].source?.node = joinID
        }
        result.nodes.replaceSubrange(index...index, with: [source, qualifier, join])
        return (result, joinID)
    }

    /// `base`, or `base_2`, `base_3`, … : the first not in `used` (then added to it).
    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}
