import Foundation
import IR

/// The rows a flat file gave, and the row errors of the records that could not be read.
public struct FlatFileReadResult: Hashable, Sendable {
    /// The rows read, one column per port, in port order.
    public var rows: RowSet
    /// One error per record that was dropped, in file order.
    public var errors: [FlatFileRowError]

    /// Creates a result.
    public init(rows: RowSet, errors: [FlatFileRowError]) {
        self.rows = rows
        self.errors = errors
    }
}

/// Reads a delimited or fixed-width flat file into typed rows, as a PowerCenter flat-file source
/// does (reference §1.2): a record whose field cannot convert to its port's type is a row error
/// with its line number, and reading goes on.
///
/// Delimited records with fewer fields than ports give NULL for the missing ones; extra fields
/// are ignored. Fixed-width fields are cut by each port's `PHYSICALOFFSET`/`PHYSICALLENGTH`
/// attributes (else `OFFSET`/`LENGTH`, else consecutive fields of the port precision), counted
/// in characters of the decoded text (chosen; the same as bytes for single-byte code pages).
public struct FlatFileReader: Sendable {
    /// The file layout.
    public var options: FlatFileOptions
    /// The ports, in field order.
    public var ports: [IR.Port]
    /// The session settings (date format, high precision).
    public var settings: EvaluationSettings
    /// Whether a streaming read may parse the two halves of a large block on two threads
    /// (true by default; the rows, errors and chunks are the same either way).
    public var allowsTwoThreads = true

    /// Creates a reader for `format` with `ports` in field order.
    public init(format: FlatFileFormat, ports: [IR.Port], settings: EvaluationSettings) {
        self.options = FlatFileOptions(format)
        self.ports = ports
        self.settings = settings
    }

    /// Reads the file at `path` (in blocks, see ``read(path:chunkRows:_:)``); throws only when the
    /// file cannot be read.
    public func read(path: String) throws(FlatFileIOError) -> FlatFileReadResult {
        var result = FlatFileReadResult(rows: RowSet(columns: ports.map(\.name)), errors: [])
        do {
            let parallelBytes = allowsTwoThreads ? Self.parallelBytes : .max
            try read(path: path, chunkRows: .max, blockSize: Self.blockSize, parallelBytes: parallelBytes) { chunk in
                result.rows.rows += chunk.rows.rows
                result.errors += chunk.errors
            }
        } catch let error as FlatFileIOError {
            throw error
        } catch {
            throw FlatFileIOError("cannot read the flat file '\(path)': \(error)")
        }
        return result
    }

    /// Reads a file's bytes: straight from the bytes for delimited formats with ASCII special
    /// characters, else with ``referenceRead(bytes:)``; both give the same rows and errors.
    public func read(bytes: [UInt8]) -> FlatFileReadResult {
        guard FlatFileByteScanner.supports(options) else { return referenceRead(bytes: bytes) }
        var reader = FlatFileByteReader(
            options: options, ports: ports, settings: settings, firstLine: options.skipRows + 1)
        bytes.withUnsafeBufferPointer { input in
            let (start, _) = FlatFileByteReader.skipLines(options.skipRows, in: input, from: 0)
            _ = reader.consume(input, from: start, limit: input.count, atEnd: true)
        }
        return FlatFileReadResult(rows: RowSet(columns: ports.map(\.name), rows: reader.rows), errors: reader.errors)
    }

    /// Reads a file's bytes the reference way: the whole text decoded, split into records of
    /// string fields, then each field converted. Slow; kept as the specification the byte-level
    /// path is tested against, and as the baseline of `migrate-bench flatfile`.
    public func referenceRead(bytes: [UInt8]) -> FlatFileReadResult {
        var result = FlatFileReadResult(rows: RowSet(columns: ports.map(\.name)), errors: [])
        for (line, row) in referenceRows(bytes: bytes) {
            switch row {
            case .success(let values): result.rows.rows.append(values)
            case .failure(let error): result.errors.append(FlatFileRowError(line: line, error: error))
            }
        }
        return result
    }

    /// The records of `bytes` read the reference way, with the line each starts on.
    func referenceRows(bytes: [UInt8]) -> [(line: Int, row: Result<[Value], RowError>)] {
        let text = options.codePage.decode(bytes)
        let (rest, firstLine) = FlatFileTokenizer.skippingLines(options.skipRows, of: text)
        let records =
            options.delimited
            ? delimitedRecords(rest, firstLine: firstLine)
            : fixedWidthRecords(rest, firstLine: firstLine)
        return records.map { record in
            do throws(RowError) {
                return (record.line, .success(try row(of: record)))
            } catch {
                return (record.line, .failure(error))
            }
        }
    }

    private func delimitedRecords(_ text: Substring, firstLine: Int) -> [FlatFileRecord] {
        var tokenizer = FlatFileTokenizer(options: options)
        return tokenizer.records(of: text, firstLine: firstLine)
    }

    private func fixedWidthRecords(_ text: Substring, firstLine: Int) -> [FlatFileRecord] {
        let layout = FlatFileFixedWidthLayout(ports: ports)
        return FlatFileTokenizer.lines(of: text, firstLine: firstLine).map { line in
            FlatFileRecord(line: line.line, fields: layout.fields(of: line.text))
        }
    }

    /// The typed values of a record, or its first error.
    private func row(of record: FlatFileRecord) throws(RowError) -> [Value] {
        if let error = record.error { throw error }
        var values: [Value] = []
        values.reserveCapacity(ports.count)
        for (index, port) in ports.enumerated() {
            guard index < record.fields.count else {
                values.append(.null)
                continue
            }
            values.append(try FlatFileFieldConversion.value(of: record.fields[index], for: port, options, settings))
        }
        return values
    }
}

/// Where each port's field lies in a fixed-width line.
struct FlatFileFixedWidthLayout: Sendable {
    /// The character offset and length of each port's field.
    let slices: [(offset: Int, length: Int)]

    /// The layout of `ports` from their physical attributes.
    init(ports: [IR.Port]) {
        var next = 0
        var slices: [(offset: Int, length: Int)] = []
        for port in ports {
            let length = Self.number(port, "PHYSICALLENGTH") ?? Self.number(port, "LENGTH") ?? Self.precision(port)
            let offset = Self.number(port, "PHYSICALOFFSET") ?? Self.number(port, "OFFSET") ?? next
            slices.append((offset, length))
            next = offset + length
        }
        self.slices = slices
    }

    /// The fields of one line; a field past the line's end is empty (NULL).
    func fields(of line: [Unicode.Scalar]) -> [FlatFileField] {
        slices.map { slice in
            let start = min(slice.offset, line.count)
            let end = min(slice.offset + slice.length, line.count)
            return FlatFileField(text: String(String.UnicodeScalarView(line[start..<end])), quoted: false)
        }
    }

    private static func number(_ port: IR.Port, _ name: String) -> Int? {
        port.attributes.first { $0.name.uppercased() == name }.flatMap { Int($0.value) }
    }

    private static func precision(_ port: IR.Port) -> Int {
        switch port.type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p), .binary(let p): p
        case .decimal(let p, _): p + 2
        case .dateTime(let p, _): p
        case .integer: 11
        case .smallInteger: 6
        case .bigInteger: 20
        case .double, .real: 24
        }
    }
}
