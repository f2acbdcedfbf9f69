/// Finds the first byte of an input that its declared single-byte encoding does not define.
///
/// libxml2 reports iconv conversion failures without a position; this scan supplies it. Only the
/// encodings exports use are known: Windows-1252 leaves five bytes undefined, ISO-8859-1 none.
enum XMLEncodingScan {
    /// The position and value of the first undefined byte, or nil when none is found or the encoding
    /// is not one this scan knows.
    static func firstUndefinedByte(in source: XMLByteSource, encoding: String) -> (line: Int, column: Int, byte: UInt8)?
    {
        guard let undefined = undefinedBytes(of: encoding) else { return nil }
        var line = 1
        var column = 1
        var found: (line: Int, column: Int, byte: UInt8)?
        _ = source.forEachChunk { chunk in
            for byte in chunk {
                if undefined[Int(byte)] {
                    found = (line, column, byte)
                    return false
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return true
        }
        return found
    }

    /// A 256-entry table of the bytes `encoding` leaves undefined, or nil for an encoding not known here.
    private static func undefinedBytes(of encoding: String) -> [Bool]? {
        switch encoding.uppercased() {
        case "WINDOWS-1252", "CP1252", "WINDOWS1252":
            var table = [Bool](repeating: false, count: 256)
            for byte in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { table[byte] = true }
            return table
        default:
            return nil
        }
    }
}
