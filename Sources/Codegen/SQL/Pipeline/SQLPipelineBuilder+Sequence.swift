import IR

extension SQLPipelineBuilder {
    /// Whether `ref` is a port of a Sequence Generator.
    func isSequencePort(_ ref: PortRef) -> Bool {
        context.analysis.sequenceNodes.contains(ref.node)
    }

    /// `input` with the NEXTVAL and CURRVAL that the sequences of `refs` give `consumer`'s rows
    /// (reference §2.12, case 45). The runtime hands out values in the order rows reach the
    /// consumer, so the rows are numbered by ``SQLRowOrder`` (`ROW_NUMBER()`, from 0 as `n`):
    ///
    ///     NEXTVAL = current + n × increment                       while it stays ≤ end,
    ///               start + ((n − first) MOD cycle) × increment    after, with Cycle,
    ///               a failure of the statement                      after, without Cycle
    ///     CURRVAL = NEXTVAL + increment
    ///
    /// where `first` values fit before the end and `cycle` between start and end. A sequence no
    /// port reads NEXTVAL of gives the first row's CURRVAL on every row (the runtime's
    /// `currvalAloneIsConstant`, BELIEVED), which needs no order. Refused: a sequence read by
    /// several transformations (the runtime numbers them in the order it runs them), a start,
    /// current or end value the runtime fails on, an end value within one increment of the
    /// largest integer.
    mutating func withSequenceValues(_ input: SQLRelation, _ refs: [PortRef], for consumer: Node)
        throws(SQLPushdownRefusal) -> SQLRelation
    {
        var relation = input
        var items: [SQLSelectItem] = []
        var names = Set(input.columns.values.map { $0.uppercased() })
        var rowColumn: String?
        var numbering: Node?
        var checks: [SQLExpression] = []
        var seen: Set<String> = []
        for id in refs.map(\.node) where seen.insert(id).inserted {
            guard let node = context.nodes[id], case .sequence(let spec) = node.op else { continue }
            try checkSequence(node, spec)
            let readers = context.pipeline.nodes.filter { reader in reader.ports.contains { $0.source?.node == id } }
            guard readers.count == 1 else {
                throw sequenceRefusal(
                    node,
                    "is read by \(readers.count) transformations, which the runtime numbers in the order it runs them")
            }
            let readsNext = readers.contains { reader in
                reader.ports.contains { $0.source?.node == id && $0.source?.port.uppercased() == "NEXTVAL" }
            }
            let next: SQLExpression
            if readsNext {
                let column: String
                if let known = rowColumn {
                    column = known
                } else {
                    column = Self.uniqueName("\(consumer.id)_ROW", taken: &names)
                    (rowColumn, numbering) = (column, node)
                }
                let (value, check) = try nextValue(node, spec, row: .column(table: nil, name: column))
                next = value
                if let check { checks.append(check) }
            } else {
                // CURRVAL alone: the first value's CURRVAL.
                next = .literal(.integer(Int64(spec.current)))
            }
            let current = SQLExpression.binary(.add, next, .literal(.integer(Int64(spec.increment))))
            let read = Set(refs.filter { $0.node == id }.map { $0.port.uppercased() })
            for (port, value) in [("NEXTVAL", next), ("CURRVAL", current)] where read.contains(port) {
                let column = Self.uniqueName("\(id)_\(port)", taken: &names)
                items.append(SQLSelectItem(value, as: column))
                relation.columns[PortRef(node: id, port: node.port(named: port)?.name ?? port)] = column
            }
        }
        var from = input.from()
        if let rowColumn, let numbering {
            guard let keys = input.order.keys, let order = orderings(keys), dialect.supportsWindowFunctions else {
                let why = input.order.why ?? "SQL cannot number them"
                throw refusal(
                    SQLPipelineDiagnostics.rowOrder, numbering,
                    "sequence '\(numbering.id)' numbers the rows of '\(consumer.id)' in the order they arrive, which "
                        + "SQL does not know: \(why)",
                    fix: "sort the rows on a unique key before the sequence is read (sorted ports over the source's "
                        + "primary key, or a Sorter), or keep this path in the runtime")
            }
            let number = SQLExpression.binary(
                .subtract, .window(.function(name: "ROW_NUMBER", arguments: []), partitionBy: [], orderBy: order),
                .literal(.integer(1)))
            let numbered = SQLSelect(
                items: [SQLSelectItem(.star(table: input.table.name)), SQLSelectItem(number, as: rowColumn)],
                from: input.from())
            let table = addTable("\(consumer.id)_ROWS", .select(numbered))
            from = .table(SQLTableName(table), alias: nil)
            items.insert(SQLSelectItem(.star(table: table)), at: 0)
        } else {
            items.insert(SQLSelectItem(.star(table: input.table.name)), at: 0)
        }
        // Every row evaluates the checks, whether or not a later port reads the value.
        let filter = SQLExpression.all(checks)
        relation.table = SQLTableName(
            addTable("\(consumer.id)_SEQUENCE", .select(SQLSelect(items: items, from: from, filter: filter))))
        return relation
    }

    /// NEXTVAL of the row numbered `n` (from 0), and, without Cycle where the end is in reach, the
    /// check that stops the statement on the row past End Value (``SQLExpression/failing(when:_:)``).
    func nextValue(_ node: Node, _ spec: SequenceSpec, row n: SQLExpression) throws(SQLPushdownRefusal)
        -> (value: SQLExpression, check: SQLExpression?)
    {
        let (current, increment) = (Int64(spec.current), Int64(spec.increment))
        let first = Self.values(of: spec, from: current)
        func literal(_ value: Int64) -> SQLExpression { .literal(.integer(value)) }
        let counted = SQLExpression.binary(.add, literal(current), .binary(.multiply, n, literal(increment)))
        // No statement numbers 2^48 rows: past that the end is out of reach.
        guard first < Self.outOfReach else { return (counted, nil) }
        let beyond = SQLExpression.binary(.greaterOrEqual, n, literal(first))
        if spec.cycle {
            let start = Int64(spec.start)
            let cycle = Self.values(of: spec, from: start)
            let wrapped = SQLExpression.binary(
                .add, literal(start),
                .binary(
                    .multiply, .binary(.modulo, .binary(.subtract, n, literal(first)), literal(cycle)),
                    literal(increment)))
            return (.caseWhen(branches: [SQLWhen(beyond, then: wrapped)], otherwise: counted), nil)
        }
        let message = SQLExpression.binary(
            .concat,
            .literal(.string("sequence '\(node.id)' passed its end value \(spec.end) without cycle at row ")),
            .cast(.binary(.add, n, literal(1)), .varchar(nil)))
        guard let failure = dialect.failure(message) else {
            throw sequenceRefusal(
                node,
                "stops the run when it passes its end value \(spec.end) without cycle, which \(dialect.name) cannot do "
                    + "in a query")
        }
        return (counted, SQLExpression.failing(when: beyond, failure))
    }

    /// Refuses a sequence whose values the runtime fails on or SQL would overflow.
    func checkSequence(_ node: Node, _ spec: SequenceSpec) throws(SQLPushdownRefusal) {
        guard spec.increment > 0 else {
            throw sequenceRefusal(node, "has increment \(spec.increment), which is not positive")
        }
        guard spec.current <= spec.end, !spec.cycle || spec.start <= spec.end else {
            throw sequenceRefusal(node, "starts past its end value \(spec.end), on which the runtime stops the run")
        }
        // CURRVAL passes the largest integer only next to an End Value that close to it, and only a
        // sequence that reaches its end gets there (PowerCenter's default End Value is the largest).
        guard
            Int64(spec.end) <= Int64.max - Int64(spec.increment)
                || Self.values(of: spec, from: Int64(spec.current)) >= Self.outOfReach
        else {
            throw sequenceRefusal(
                node, "reaches an end value within one increment of the largest integer, where CURRVAL passes it")
        }
    }

    /// No statement numbers this many rows: a sequence end further away is out of reach.
    static let outOfReach: Int64 = 1 << 48

    /// How many values `spec` gives from `low` (its Current or Start Value) up to its End Value
    /// (the largest integer when that passes the 64-bit range).
    static func values(of spec: SequenceSpec, from low: Int64) -> Int64 {
        let (span, overflow) = Int64(spec.end).subtractingReportingOverflow(low)
        guard !overflow else { return Int64.max }
        // From Current Value 0 to the largest integer by 1 there is one value too many for 64 bits.
        let (count, past) = (span / Int64(spec.increment)).addingReportingOverflow(1)
        return past ? Int64.max : count
    }

    func sequenceRefusal(_ node: Node, _ why: String) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.rowOrder, node, "sequence '\(node.id)' \(why)", fix: "keep this path in the runtime")
    }

    /// The values NEXTVAL and CURRVAL of `spec` can take (from the smaller of Start and Current
    /// Value to End Value plus one increment), or nil when that passes the 64-bit range.
    static func sequenceRange(_ spec: SequenceSpec) -> ClosedRange<Int64>? {
        let (end, overflow) = Int64(spec.end).addingReportingOverflow(Int64(spec.increment))
        let low = Int64(Swift.min(spec.start, spec.current))
        guard !overflow, low <= end else { return nil }
        return low...end
    }

}
