#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffers export text and writes it to a file in UTF-8 or Windows-1252.
final class ExportWriter {
    /// The output encodings the generator can write.
    enum Encoding: String {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"

        /// The name written in the XML declaration.
        var declaredName: String { self == .utf8 ? "UTF-8" : "Windows-1252" }
        /// The repository code page PowerCenter writes for this encoding.
        var codePage: String { self == .utf8 ? "UTF-8" : "MS1252" }
    }

    private let file: UnsafeMutablePointer<FILE>
    private let encoding: Encoding
    private var buffer: [UInt8] = []
    /// Bytes written so far (including the buffer).
    private(set) var byteCount = 0

    /// Opens `path` for writing; nil when it cannot be created.
    init?(path: String, encoding: Encoding) {
        guard let file = fopen(path, "wb") else { return nil }
        self.file = file
        self.encoding = encoding
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `text`, transcoded to the output encoding.
    func write(_ text: String) {
        let before = buffer.count
        switch encoding {
        case .utf8:
            buffer.append(contentsOf: text.utf8)
        case .windows1252:
            for scalar in text.unicodeScalars { buffer.append(Self.windows1252Byte(scalar)) }
        }
        byteCount += buffer.count - before
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes out the buffer and closes the file.
    func close() {
        flush()
        fclose(file)
    }

    private func flush() {
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The Windows-1252 byte for `scalar` (the generator only uses Latin-1 letters and the euro sign).
    private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar.value {
        case 0..<0x80, 0xA0...0xFF: UInt8(scalar.value)
        case 0x20AC: 0x80
        default: 0x3F
        }
    }
}
