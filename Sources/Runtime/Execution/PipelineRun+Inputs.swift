import IR

extension PipelineRun {
    /// The input of group `group` of a node from the batches of this wave; nil when none of its
    /// upstream nodes produced rows in this wave.
    func input(_ layout: NodeLayout, _ group: String, _ wave: [String: [String: RowBatch]]) throws(NodeFailure)
        -> InputBatch?
    {
        let ports = (layout.inputPorts[group] ?? []).map { layout.node.ports[$0] }
        var sources: [InputBatch.Source?] = []
        var rowCount: Int?
        var kinds: [RowKind]?
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
            if let rowCount, rowCount != batch.count {
                throw NodeFailure(
                    RunDiagnostics.misalignedInputs(
                        "node '\(layout.node.id)' receives \(rowCount) and \(batch.count) rows from different inputs",
                        at: layout.node.provenance.location, path: layout.node.provenance.path,
                        fix: "join the inputs with a Joiner; PowerCenter does not allow this either"))
            }
            rowCount = batch.count
            kinds = kinds ?? batch.kinds
            sources.append(
                InputBatch.Source(node: ref.node, group: location.group, batch: batch, column: location.column))
        }
        guard let rowCount, let kinds else { return nil }
        if let missing {
            throw NodeFailure(
                RunDiagnostics.misalignedInputs(
                    "node '\(layout.node.id)' reads from '\(missing)' and from nodes of another source pipeline",
                    at: layout.node.provenance.location, path: layout.node.provenance.path,
                    fix: "join the inputs with a Joiner; PowerCenter does not allow this either"))
        }
        var generated: [String: [SequenceValues]] = [:]
        for id in sequenceNodes {
            generated[id] = try sequenceValues(id, rowCount)
        }
        let names = ports.map(\.name)
        if generated.isEmpty {
            return InputBatch(columns: names, kinds: kinds, count: rowCount, sources: sources)
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
        return InputBatch(RowBatch(columns: names, rows: rows, kinds: kinds))
    }
}
