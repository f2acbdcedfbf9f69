import IR

/// Reads delimited records from a byte buffer into typed rows, blank lines dropped, row errors
/// kept with their line (the byte-level fast path of ``FlatFileReader``; used only when
/// ``FlatFileByteScanner/supports(_:)``). Header lines are skipped by the caller
/// (``skipLines(_:in:from:)``).
struct FlatFileByteReader {
    private var scanner: FlatFileByteScanner
    private let conversion: FlatFileByteConversion
    /// The rows read, in file order.
    private(set) var rows: [[Value]] = []
    /// The row errors, in file order.
    private(set) var errors: [FlatFileRowError] = []
    /// For each error, the number of rows read before it.
    private(set) var rowsBeforeErrors: [Int] = []

    /// A reader whose first record starts on line `firstLine`.
    init(options: FlatFileOptions, ports: [IR.Port], settings: EvaluationSettings, firstLine: Int) {
        scanner = FlatFileByteScanner(options: options, firstLine: firstLine)
        conversion = FlatFileByteConversion(ports: ports, options: options, settings: settings)
    }

    /// The line the next record starts on.
    var line: Int { scanner.line }

    /// Adds `offset` to the line of every error (a reader that started on line 0 of a region).
    mutating func shiftLines(by offset: Int) {
        for index in errors.indices { errors[index].line += offset }
    }

    /// Reads the records of `input` that start before `limit`, from `start` on, until the input
    /// holds no complete record (it holds every record when `atEnd`); returns where the next
    /// record starts (past `limit` when the last record read runs over it).
    mutating func consume(_ input: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, atEnd: Bool) -> Int {
        var position = start
        while position < limit {
            guard let next = scanner.scan(input, from: position, atEnd: atEnd) else { break }
            position = next
            if scanner.isBlankRecord { continue }
            switch row(input) {
            case .success(let values): rows.append(values)
            case .failure(let error):
                errors.append(FlatFileRowError(line: scanner.recordLine, error: error))
                rowsBeforeErrors.append(rows.count)
            }
        }
        return position
    }

    /// Skips up to `count` lines of `input` from `start`; returns the offset after them (the
    /// input's end when it runs out of line ends) and how many lines are left to skip.
    static func skipLines(_ count: Int, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, left: Int) {
        var position = start
        var left = count
        while left > 0, position < input.count {
            guard let newline = input[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                return (input.count, left)
            }
            position = newline + 1
            left -= 1
        }
        return (position, left)
    }

    /// The typed values of the record just scanned, or its first error.
    private func row(_ input: UnsafeBufferPointer<UInt8>) -> Result<[Value], RowError> {
        let fields = scanner.fields
        if scanner.unterminated {
            return .failure(
                FlatFileErrors.error(
                    FlatFileErrors.unterminatedQuote, "the quoted field \(fields.count) is not closed"))
        }
        return scanner.scratch.withUnsafeBufferPointer { scratch in
            var values: [Value] = []
            values.reserveCapacity(conversion.ports.count)
            for index in conversion.ports.indices {
                guard index < fields.count else {
                    values.append(.null)
                    continue
                }
                let span = fields[index]
                let bytes = UnsafeBufferPointer(rebasing: (span.inScratch ? scratch : input)[span.start..<span.end])
                let cuts = span.inScratch ? cuts(in: span) : []
                do throws(RowError) {
                    values.append(try conversion.value(bytes, quoted: span.quoted, cuts: cuts, port: index))
                } catch {
                    return .failure(error)
                }
            }
            return .success(values)
        }
    }

    /// The scratch offsets inside `span` where bytes were dropped, relative to its start.
    private func cuts(in span: FlatFileFieldSpan) -> [Int] {
        scanner.breaks.filter { $0 > span.start && $0 < span.end }.map { $0 - span.start }
    }
}
