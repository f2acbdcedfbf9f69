import IR

/// A Joiner: the master (`right`) side is cached in a hash table on its keys, then the detail
/// (`left`) rows probe it; NULL keys never match (reference §2.5). Rows come in detail order, each
/// with its matches in master order, then the unmatched master rows of a detail-outer or full join.
final class JoinRunner: NodeRunner {
    let spec: JoinSpec
    var left = RowBatch(columns: [])
    var right = RowBatch(columns: [])
    let leftKeys: [Int]
    let rightKeys: [Int]
    /// Per output port: (from the left side?, column).
    let plan: [(left: Bool, column: Int)]

    override var isBlocking: Bool { true }

    init(layout: NodeLayout, spec: JoinSpec) throws(NodeFailure) {
        self.spec = spec
        let leftNames = layout.inputNames("left").map { $0.uppercased() }
        let rightNames = layout.inputNames("right").map { $0.uppercased() }
        var leftKeys: [Int] = []
        var rightKeys: [Int] = []
        var ok = true
        for comparison in PortComparisons.parse(spec.condition.text) ?? [] {
            let a = comparison.left.uppercased()
            let b = comparison.right.uppercased()
            if comparison.op == .equal, let x = leftNames.firstIndex(of: a), let y = rightNames.firstIndex(of: b) {
                leftKeys.append(x)
                rightKeys.append(y)
            } else if comparison.op == .equal, let x = leftNames.firstIndex(of: b), let y = rightNames.firstIndex(of: a)
            {
                leftKeys.append(x)
                rightKeys.append(y)
            } else {
                ok = false
            }
        }
        guard ok, !leftKeys.isEmpty else {
            throw NodeFailure(
                RunDiagnostics.unsupportedCondition(
                    "joiner '\(layout.node.id)' has condition '\(spec.condition.text)'; the native joiner evaluates "
                        + "conjunctions of 'master_port = detail_port' only",
                    at: layout.node.provenance.location, path: layout.node.provenance.path,
                    fix: "write the join condition as equalities between master and detail ports"))
        }
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        var plan: [(Bool, Int)] = []
        for index in layout.outputPorts[""] ?? [] {
            let port = layout.node.ports[index]
            let name = port.name.uppercased()
            if port.group == "right", let column = rightNames.firstIndex(of: name) {
                plan.append((false, column))
            } else if let column = leftNames.firstIndex(of: name) {
                plan.append((true, column))
            } else if let column = rightNames.firstIndex(of: name) {
                plan.append((false, column))
            } else {
                plan.append((true, -1))
            }
        }
        self.plan = plan
        super.init(layout: layout)
        left = RowBatch(columns: leftNames)
        right = RowBatch(columns: rightNames)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        if group == "right" {
            right.rows += batch.rows
            right.kinds += batch.kinds
        } else {
            left.rows += batch.rows
            left.kinds += batch.kinds
        }
        count(context, in: batch.count, out: 0)
        return [:]
    }

    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        let trim = !context.settings.trailingBlanksSignificant
        var table: [[Value]: [Int]] = [:]
        for (offset, row) in right.rows.enumerated() {
            let key = rightKeys.map { row[$0] }
            if !spec.nullKeysMatch && key.contains(where: \.isNull) { continue }
            table[LookupIndex.normalize(key, caseSensitive: spec.caseSensitive, trim: trim), default: []].append(offset)
        }
        var matched = [Bool](repeating: false, count: right.rows.count)
        var output = RowBatch(columns: layout.outputNames(""))
        let leftBlank = [Value](repeating: .null, count: left.columns.count)
        let rightBlank = [Value](repeating: .null, count: right.columns.count)
        for (row, kind) in zip(left.rows, left.kinds) {
            let key = leftKeys.map { row[$0] }
            let hits =
                !spec.nullKeysMatch && key.contains(where: \.isNull)
                ? [] : table[LookupIndex.normalize(key, caseSensitive: spec.caseSensitive, trim: trim)] ?? []
            for hit in hits {
                matched[hit] = true
                output.append(assemble(row, right.rows[hit]), kind: kind)
            }
            if hits.isEmpty && (spec.kind == .leftOuter || spec.kind == .fullOuter) {
                output.append(assemble(row, rightBlank), kind: kind)
            }
        }
        if spec.kind == .rightOuter || spec.kind == .fullOuter {
            for (offset, row) in right.rows.enumerated() where !matched[offset] {
                output.append(assemble(leftBlank, row), kind: right.kinds[offset])
            }
        }
        count(context, in: 0, out: output.count)
        left.rows = []
        right.rows = []
        return ["": output]
    }

    func assemble(_ leftRow: [Value], _ rightRow: [Value]) -> [Value] {
        plan.map { entry in
            guard entry.column >= 0 else { return .null }
            return entry.left ? leftRow[entry.column] : rightRow[entry.column]
        }
    }
}

/// A Sorter: holds every row, then sorts (stable; NULL placement and case as the spec says;
/// distinct over all ports) (reference §2.8).
final class SortRunner: NodeRunner {
    let spec: SortSpec
    var buffer = RowBatch(columns: [])
    let projection: PassThroughProjection

    override var isBlocking: Bool { true }

    init(layout: NodeLayout, spec: SortSpec) throws(NodeFailure) {
        self.spec = spec
        projection = try PassThroughProjection(layout: layout, outputGroup: "")
        super.init(layout: layout)
        buffer = RowBatch(columns: layout.inputNames(""))
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        buffer.rows += batch.rows
        count(context, in: batch.count, out: 0)
        return [:]
    }

    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        do throws(RowError) {
            let sorted = try Sort.run(spec: spec, input: buffer.rowSet, settings: context.settings)
            buffer.rows = []
            let output = RowBatch(columns: layout.outputNames(""), rows: sorted.rows.map(projection.apply))
            count(context, in: 0, out: output.count)
            return ["": output]
        } catch {
            throw failure(
                RunDiagnostics.sessionAborted, "sorter '\(node.id)' failed: \(error.message)",
                fix: "check the sort keys")
        }
    }
}

/// A Rank: holds every row, then keeps the top or bottom N per group with SQL RANK() indexes
/// (reference §2.9).
final class RankRunner: NodeRunner {
    let spec: RankSpec
    var buffer = RowBatch(columns: [])
    var plan: [Int] = []

    override var isBlocking: Bool { true }

    init(layout: NodeLayout, spec: RankSpec) {
        self.spec = spec
        super.init(layout: layout)
        let inputs = layout.inputNames("")
        buffer = RowBatch(columns: inputs)
        let upper = inputs.map { $0.uppercased() }
        plan = (layout.outputPorts[""] ?? []).map { index in
            let port = layout.node.ports[index]
            if let indexPort = spec.indexPort, port.name.uppercased() == indexPort.uppercased() { return inputs.count }
            let name = port.roles.contains(.input) ? port.name : (port.expression?.text ?? port.name)
            return upper.firstIndex(of: name.uppercased()) ?? -1
        }
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        buffer.rows += batch.rows
        count(context, in: batch.count, out: 0)
        return [:]
    }

    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        var ranked = spec
        ranked.indexPort = ranked.indexPort ?? "__RANKINDEX"
        do throws(RowError) {
            let result = try Rank.run(spec: ranked, input: buffer.rowSet, settings: context.settings)
            buffer.rows = []
            let rows = result.rows.map { row in plan.map { $0 >= 0 ? row[$0] : .null } }
            count(context, in: 0, out: rows.count)
            return ["": RowBatch(columns: layout.outputNames(""), rows: rows)]
        } catch {
            throw failure(
                RunDiagnostics.sessionAborted, "rank '\(node.id)' failed: \(error.message)", fix: "check the rank port")
        }
    }
}
