import Dispatch
import IR

/// Parses the records of a buffer, on two threads when the buffer is large: the second thread
/// starts speculatively after the line end nearest the middle, and its rows are kept only when
/// the first thread's last record ends exactly there (otherwise the line end was inside a
/// quoted field, and parsing goes on from where the first thread stopped).
struct FlatFileBlockParser {
    let options: FlatFileOptions
    let ports: [IR.Port]
    let settings: EvaluationSettings
    /// The smallest unparsed region split between two threads; `.max` never splits.
    let parallelBytes: Int

    /// The records parsed from one region, in file order.
    struct Parsed {
        /// The readers holding the rows and errors (line numbers final).
        var parts: [FlatFileByteReader]
        /// Where the next record starts.
        var end: Int
        /// The line the next record starts on.
        var line: Int
        /// Whether complete records may remain after `end` (parse again before refilling).
        var more: Bool
    }

    /// Parses the records of `input` from `start` (on line `line`).
    func parse(_ input: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, atEnd: Bool) -> Parsed {
        guard input.count - start >= parallelBytes, let split = lineStart(near: (start + input.count) / 2, input) else {
            var reader = makeReader(firstLine: line)
            let end = reader.consume(input, from: start, limit: input.count, atEnd: atEnd)
            return Parsed(parts: [reader], end: end, line: reader.line, more: false)
        }
        let halves = FlatFileHalves()
        let shared = FlatFileSharedInput(bytes: input)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                var reader = makeReader(firstLine: line)
                let end = reader.consume(shared.bytes, from: start, limit: split, atEnd: atEnd)
                halves.first = (reader, end)
            } else {
                var reader = makeReader(firstLine: 0)
                let end = reader.consume(shared.bytes, from: split, limit: shared.bytes.count, atEnd: atEnd)
                halves.second = (reader, end)
            }
        }
        guard let (first, firstEnd) = halves.first, let (parsedSecond, secondEnd) = halves.second else {
            preconditionFailure("both halves are parsed")
        }
        var second = parsedSecond
        guard firstEnd == split else {
            return Parsed(parts: [first], end: firstEnd, line: first.line, more: firstEnd > split)
        }
        second.shiftLines(by: first.line)
        return Parsed(parts: [first, second], end: secondEnd, line: first.line + second.line, more: false)
    }

    private func makeReader(firstLine: Int) -> FlatFileByteReader {
        FlatFileByteReader(options: options, ports: ports, settings: settings, firstLine: firstLine)
    }

    /// The offset after the first line feed at or after `middle`, if it is before the end.
    private func lineStart(near middle: Int, _ input: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let newline = input[middle...].firstIndex(of: UInt8(ascii: "\n")), newline + 1 < input.count else {
            return nil
        }
        return newline + 1
    }
}

/// The results of the two threads: each is written by one thread only, and read after both ended.
private final class FlatFileHalves: @unchecked Sendable {
    var first: (FlatFileByteReader, Int)?
    var second: (FlatFileByteReader, Int)?
}

/// A buffer the two threads only read, and that outlives them.
private struct FlatFileSharedInput: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// Regroups parsed rows and errors into chunks of at most `chunkRows` rows (or errors), the
/// same chunks whatever the blocks and threads were.
struct FlatFileChunker {
    private let columns: [String]
    private let chunkRows: Int
    private var chunk: FlatFileReadResult

    init(columns: [String], chunkRows: Int) {
        self.columns = columns
        self.chunkRows = max(1, chunkRows)
        chunk = FlatFileReadResult(rows: RowSet(columns: columns), errors: [])
    }

    /// Adds the rows and errors of `reader` in file order, handing over each full chunk.
    mutating func add(_ reader: FlatFileByteReader, _ body: (FlatFileReadResult) throws -> Void) throws {
        var nextError = 0
        for (index, row) in reader.rows.enumerated() {
            while nextError < reader.errors.count, reader.rowsBeforeErrors[nextError] == index {
                chunk.errors.append(reader.errors[nextError])
                nextError += 1
                try handOverIfFull(body)
            }
            chunk.rows.rows.append(row)
            try handOverIfFull(body)
        }
        for error in reader.errors[nextError...] {
            chunk.errors.append(error)
            try handOverIfFull(body)
        }
    }

    /// Hands over the last chunk, if it holds anything.
    mutating func finish(_ body: (FlatFileReadResult) throws -> Void) throws {
        if !chunk.rows.rows.isEmpty || !chunk.errors.isEmpty { try body(take()) }
    }

    private mutating func handOverIfFull(_ body: (FlatFileReadResult) throws -> Void) throws {
        if chunk.rows.rows.count >= chunkRows || chunk.errors.count >= chunkRows { try body(take()) }
    }

    private mutating func take() -> FlatFileReadResult {
        defer {
            chunk = FlatFileReadResult(rows: RowSet(columns: columns), errors: [])
            if chunkRows <= 1 << 20 { chunk.rows.rows.reserveCapacity(chunkRows) }
        }
        return chunk
    }
}
