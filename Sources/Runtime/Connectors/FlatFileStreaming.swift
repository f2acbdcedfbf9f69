import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streaming reads: the file is read in blocks and handed over in chunks of rows, so memory
/// stays bounded by the block and chunk sizes (plus the longest record).
extension FlatFileReader {
    /// The block size streaming reads use: 8 MiB.
    public static let blockSize = 8 << 20

    /// The smallest unparsed part of a block that two threads share: 1 MiB; never on one core.
    static let parallelBytes = ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 << 20 : .max

    /// Reads the file at `path` in blocks and calls `body` with consecutive chunks of at most
    /// `chunkRows` rows and the row errors of those rows, in file order; throws a
    /// ``FlatFileIOError`` when the file cannot be read, and whatever `body` throws.
    ///
    /// Formats the byte-level path does not handle (fixed width, non-ASCII delimiters, quote,
    /// escape or NULL characters) are read whole and then handed over in chunks.
    public func read(path: String, chunkRows: Int, _ body: (FlatFileReadResult) throws -> Void) throws {
        let parallelBytes = allowsTwoThreads ? Self.parallelBytes : .max
        try read(path: path, chunkRows: chunkRows, blockSize: Self.blockSize, parallelBytes: parallelBytes, body)
    }

    /// ``read(path:chunkRows:_:)`` with a chosen block size (tests use tiny ones).
    func read(
        path: String, chunkRows: Int, blockSize: Int, parallelBytes: Int,
        _ body: (FlatFileReadResult) throws -> Void
    ) throws {
        guard FlatFileByteScanner.supports(options) else {
            try handOver(referenceRows(bytes: try Self.contents(of: path)), chunkRows: chunkRows, body)
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FlatFileIOError("cannot read the flat file '\(path)'") }
        defer { close(descriptor) }
        let complete = try stream(
            blockSize: blockSize, chunkRows: chunkRows, parallelBytes: parallelBytes, body
        ) { buffer in
            readBlock(descriptor, into: buffer)
        }
        guard complete else { throw FlatFileIOError("cannot read the flat file '\(path)'") }
    }

    /// Streams `bytes` in blocks of `blockSize` bytes, as a file would be read (for tests).
    func read(
        bytes: [UInt8], chunkRows: Int, blockSize: Int, parallelBytes: Int = .max,
        _ body: (FlatFileReadResult) throws -> Void
    ) throws {
        guard FlatFileByteScanner.supports(options) else {
            try handOver(referenceRows(bytes: bytes), chunkRows: chunkRows, body)
            return
        }
        var offset = 0
        _ = try stream(blockSize: blockSize, chunkRows: chunkRows, parallelBytes: parallelBytes, body) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    /// Reads with the byte-level path: `fill` copies the next bytes into its buffer and returns
    /// their count (0 at the end, negative on failure). Returns false when `fill` failed.
    private func stream(
        blockSize: Int, chunkRows: Int, parallelBytes: Int, _ body: (FlatFileReadResult) throws -> Void,
        fill: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) throws -> Bool {
        let parser = FlatFileBlockParser(
            options: options, ports: ports, settings: settings, parallelBytes: parallelBytes)
        var chunker = FlatFileChunker(columns: ports.map(\.name), chunkRows: chunkRows)
        var buffer = FlatFileBlockBuffer(capacity: max(1, blockSize))
        defer { buffer.release() }
        var atEnd = false
        var line = options.skipRows + 1
        var linesToSkip = options.skipRows
        while !atEnd {
            buffer.makeRoom()
            let count = fill(buffer.space)
            if count < 0 { return false }
            atEnd = count == 0
            buffer.filled += count
            if linesToSkip > 0 {
                (buffer.start, linesToSkip) = FlatFileByteReader.skipLines(
                    linesToSkip, in: buffer.content, from: buffer.start)
            }
            var more = true
            while more, buffer.start < buffer.filled {
                let parsed = parser.parse(buffer.content, from: buffer.start, line: line, atEnd: atEnd)
                (buffer.start, line, more) = (parsed.end, parsed.line, parsed.more)
                for part in parsed.parts { try chunker.add(part, body) }
            }
        }
        try chunker.finish(body)
        return true
    }

    /// Hands records read the reference way over in chunks of at most `chunkRows` rows.
    private func handOver(
        _ records: [(line: Int, row: Result<[Value], RowError>)], chunkRows: Int,
        _ body: (FlatFileReadResult) throws -> Void
    ) throws {
        let empty = FlatFileReadResult(rows: RowSet(columns: ports.map(\.name)), errors: [])
        var chunk = empty
        for (line, row) in records {
            switch row {
            case .success(let values): chunk.rows.rows.append(values)
            case .failure(let error): chunk.errors.append(FlatFileRowError(line: line, error: error))
            }
            if chunk.rows.rows.count >= chunkRows || chunk.errors.count >= chunkRows {
                try body(chunk)
                chunk = empty
            }
        }
        if chunk != empty { try body(chunk) }
    }

    /// The bytes of the file at `path`.
    static func contents(of path: String) throws(FlatFileIOError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FlatFileIOError("cannot read the flat file '\(path)'")
        }
        return [UInt8](data)
    }
}

/// Reads the next bytes of the open file `descriptor` into `buffer`: their count, 0 at the end
/// of the file, negative on failure.
private func readBlock(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var count = -1
    repeat { count = read(descriptor, buffer.baseAddress, buffer.count) } while count < 0 && errno == EINTR
    return count
}

/// A growable byte buffer: `content` is `[0, filled)`, records before `start` are consumed.
struct FlatFileBlockBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The offset of the first unconsumed byte.
    var start = 0
    /// The number of bytes read into the buffer.
    var filled = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// The bytes read so far.
    var content: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: filled) }

    /// The space after the bytes read.
    var space: UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(start: storage + filled, count: capacity - filled)
    }

    /// Moves the unconsumed bytes to the front, and doubles the buffer when they fill it.
    mutating func makeRoom() {
        if start > 0 {
            storage.update(from: storage + start, count: filled - start)
            filled -= start
            start = 0
        }
        guard filled == capacity else { return }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.initialize(from: storage, count: filled)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// Releases the memory.
    func release() { storage.deallocate() }
}
