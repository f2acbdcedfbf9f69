import IR

extension PipelineRun {
    /// The input of group `group` of a node from the batches of this wave; nil when none of its
    /// upstream nodes produced rows in this wave.
    func input(_ layout: NodeLayout, _ group: String, _ wave: [String: [String: RowBatch]]) throws(NodeFailure)
        -> InputBatch?
    {
        let ports = (layout.inputPorts[group] ?? []).map { layout.node.ports[$0] }
        var sources: [InputBatch.Source?] = []
        var missing: String?
        var sequenceNodes: [String] = []
        for port in ports {
            guard let ref = port.source else {
                sources.append(nil)
                continue
            }
            if sequences[ref.node] != nil {
                sources.append(nil)
                if !sequenceNodes.contains(ref.node) { sequenceNodes.append(ref.node) }
                continue
            }
            guard let location = layouts[ref.node]?.outputLocations[ref.port],
                let batch = wave[ref.node]?[location.group]
            else {
                missing = missing ?? ref.node
                sources.append(nil)
                continue
            }
            sources.append(
                InputBatch.Source(node: ref.node, group: location.group, batch: batch, column: location.column))
        }
        guard sources.contains(where: { $0 != nil }) else { return nil }
        if let missing {
            throw NodeFailure(
                RunDiagnostics.misalignedInputs(
                    "node '\(layout.node.id)' reads from '\(missing)' and from nodes of another source pipeline",
                    at: layout.node.provenance.location, path: layout.node.provenance.path,
                    fix: "join the inputs with a Joiner; PowerCenter does not allow this either"))
        }
        let streamPositions: [Int]?
        (sources, streamPositions) = try aligned(sources, layout)
        guard let first = sources.lazy.compactMap({ $0 }).first else { return nil }
        let rowCount = first.batch.count
        let kinds = first.batch.kinds
        var generated: [String: [SequenceValues]] = [:]
        for id in sequenceNodes {
            generated[id] = try sequenceValues(id, rowCount)
        }
        let names = ports.map(\.name)
        if generated.isEmpty {
            return InputBatch(
                columns: names, kinds: kinds, count: rowCount, sources: sources, streamPositions: streamPositions)
        }
        // Where each port's values come from, decided once per batch, not per row.
        enum Pick {
            case column([[Value]], Int)
            case sequence([SequenceValues], currval: Bool)
            case null
        }
        let picks: [Pick] = zip(ports, sources).map { port, source in
            if let source { return .column(source.batch.rows, source.column) }
            if let ref = port.source, let values = generated[ref.node] {
                return .sequence(values, currval: ref.port.uppercased() == "CURRVAL")
            }
            return .null
        }
        var rows: [[Value]] = []
        rows.reserveCapacity(rowCount)
        for index in 0..<rowCount {
            var row: [Value] = []
            row.reserveCapacity(picks.count)
            for pick in picks {
                switch pick {
                case .column(let upstream, let column): row.append(upstream[index][column])
                case .sequence(let values, let currval):
                    row.append(.integer(currval ? values[index].current : values[index].next))
                case .null: row.append(.null)
                }
            }
            rows.append(row)
        }
        return InputBatch(RowBatch(columns: names, rows: rows, kinds: kinds, streamPositions: streamPositions))
    }

    /// `sources` (batches of one row stream, ``RowOrigins``) lined up row by row, with the
    /// stream positions of their rows: as they are when each carries the same rows; else each
    /// keeps the rows of the positions all of them still carry, since a row a passive
    /// transformation dropped in error on one branch leaves the pipeline (reference §2.22).
    func aligned(_ sources: [InputBatch.Source?], _ layout: NodeLayout) throws(NodeFailure)
        -> (sources: [InputBatch.Source?], streamPositions: [Int]?)
    {
        let present = sources.compactMap { $0 }
        guard let first = present.first?.batch else { return (sources, nil) }
        if present.allSatisfy({ $0.batch.count == first.count && $0.batch.streamPositions == first.streamPositions }) {
            return (sources, first.streamPositions)
        }
        func positions(_ batch: RowBatch) -> [Int] { batch.streamPositions ?? Array(0..<batch.count) }
        let misaligned = NodeFailure(
            RunDiagnostics.misalignedInputs(
                "node '\(layout.node.id)' receives \(first.count) and "
                    + "\(present.first { $0.batch.count != first.count }?.batch.count ?? first.count) rows from different inputs",
                at: layout.node.provenance.location, path: layout.node.provenance.path,
                fix: "join the inputs with a Joiner; PowerCenter does not allow this either"))
        // Rows dropped on the way are the only reason batches of one stream differ.
        guard present.contains(where: { $0.batch.streamPositions != nil }) else { throw misaligned }
        var common = Set(positions(first))
        // Once per upstream batch, not per port reading it.
        var intersected: Set<String> = [present[0].node + "\u{1}" + present[0].group]
        for source in present.dropFirst() where intersected.insert(source.node + "\u{1}" + source.group).inserted {
            common.formIntersection(positions(source.batch))
        }
        let kept = positions(first).filter(common.contains)
        var filtered: [String: RowBatch] = [:]
        var result: [InputBatch.Source?] = []
        for source in sources {
            guard let source else {
                result.append(nil)
                continue
            }
            let key = source.node + "\u{1}" + source.group
            if filtered[key] == nil {
                let all = positions(source.batch)
                let rows = all.indices.filter { common.contains(all[$0]) }
                let batch = RowBatch(
                    columns: source.batch.columns, rows: rows.map { source.batch.rows[$0] },
                    kinds: rows.map { source.batch.kinds[$0] }, streamPositions: rows.map { all[$0] })
                // Row-local transformations keep the order of their rows.
                guard batch.streamPositions == kept else { throw misaligned }
                filtered[key] = batch
            }
            result.append(
                InputBatch.Source(node: source.node, group: source.group, batch: filtered[key]!, column: source.column))
        }
        return (result, kept)
    }
}
