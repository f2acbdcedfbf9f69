#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the reader's bytes come from: a file read in chunks, or bytes already in memory.
enum XMLByteSource {
    /// A file path, read in chunks of ``chunkSize`` bytes.
    case file(String)
    /// Bytes in memory.
    case bytes([UInt8])

    /// The size of the chunks handed to the parser.
    static let chunkSize = 256 * 1024

    /// Calls `body` with each chunk in order until it returns false; returns why the file could
    /// not be read, or nil.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        switch self {
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { all in
                var offset = 0
                while offset < all.count {
                    let end = min(offset + Self.chunkSize, all.count)
                    if !body(UnsafeBufferPointer(rebasing: all[offset..<end])) { break }
                    offset = end
                }
            }
            return nil
        case .file(let path):
            return Self.readFile(path, body)
        }
    }

    private static func readFile(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return describeErrno() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return describeErrno() }
        if (status.st_mode & S_IFMT) == S_IFDIR { return "it is a directory" }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                return describeErrno()
            }
            if count == 0 || !body(UnsafeBufferPointer(start: buffer, count: count)) { return nil }
        }
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
