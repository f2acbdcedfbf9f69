/// The input of one node group in one wave, read in place from the upstream batches: per input
/// port, a column of an upstream node's output batch, or NULL. A runner that only reads its input
/// rows takes them one at a time into a reused buffer (``fill(_:at:)``), so that no row is
/// allocated for it; the others receive the rows built (``batch``).
struct InputBatch {
    /// Where one input port's values come from: column `column` of `batch`, the output of group
    /// `group` of node `node`.
    struct Source {
        let node: String
        let group: String
        let batch: RowBatch
        let column: Int
    }

    /// The input port names, in order.
    let columns: [String]
    /// Each row's kind.
    let kinds: [RowKind]
    /// The number of rows.
    let count: Int
    /// Each row's position in its row stream, when rows were dropped on the way (see
    /// ``RowBatch/streamPositions``).
    let streamPositions: [Int]?
    /// The rows ready as they are (one upstream batch passed on whole), else nil.
    let rows: [[Value]]?
    /// The upstream batches' rows, one entry per distinct batch.
    private let upstream: [[[Value]]]
    /// Per port: the index in `upstream` (-1 for NULL) and the column.
    private let picks: [(batch: Int, column: Int)]

    /// Built rows.
    init(_ batch: RowBatch) {
        columns = batch.columns
        kinds = batch.kinds
        count = batch.count
        streamPositions = batch.streamPositions
        rows = batch.rows
        upstream = []
        picks = []
    }

    /// The input picked from `sources` (nil: NULL), all of `count` rows.
    init(columns: [String], kinds: [RowKind], count: Int, sources: [Source?], streamPositions: [Int]? = nil) {
        self.columns = columns
        self.kinds = kinds
        self.count = count
        self.streamPositions = streamPositions
        var keys: [(node: String, group: String)] = []
        var upstream: [[[Value]]] = []
        var picks: [(batch: Int, column: Int)] = []
        for source in sources {
            guard let source else {
                picks.append((-1, 0))
                continue
            }
            if let index = keys.firstIndex(where: { $0.node == source.node && $0.group == source.group }) {
                picks.append((index, source.column))
            } else {
                picks.append((keys.count, source.column))
                keys.append((source.node, source.group))
                upstream.append(source.batch.rows)
            }
        }
        // One upstream batch whose columns are the ports in order passes on whole.
        let width = (sources.first ?? nil)?.batch.columns.count
        let passesWhole =
            upstream.count == 1 && picks.count == width && picks.indices.allSatisfy { picks[$0] == (0, $0) }
        rows = passesWhole ? upstream[0] : nil
        self.upstream = upstream
        self.picks = picks
    }

    /// The rows as a batch, built when the ports pick from the upstream rows.
    var batch: RowBatch {
        if let rows { return RowBatch(columns: columns, rows: rows, kinds: kinds, streamPositions: streamPositions) }
        var built: [[Value]] = []
        built.reserveCapacity(count)
        for index in 0..<count {
            var row: [Value] = []
            fill(&row, at: index)
            built.append(row)
        }
        return RowBatch(columns: columns, rows: built, kinds: kinds, streamPositions: streamPositions)
    }

    /// The stream positions of an output made of the rows at `kept`, in order.
    func streamPositions(keeping kept: [Int]) -> [Int] {
        guard let streamPositions else { return kept }
        return kept.map { streamPositions[$0] }
    }

    /// Replaces the contents of `row` with row `index`, reusing its storage when it is unique.
    @inline(__always)
    func fill(_ row: inout [Value], at index: Int) {
        if let rows {
            row = rows[index]
            return
        }
        if row.count != picks.count { row = Array(repeating: .null, count: picks.count) }
        for offset in picks.indices {
            let (batch, column) = picks[offset]
            row[offset] = batch < 0 ? .null : upstream[batch][index][column]
        }
    }
}
