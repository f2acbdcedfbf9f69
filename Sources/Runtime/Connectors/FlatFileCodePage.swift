/// The code pages a flat file can be read and written in (FLATFILE CODEPAGE).
public enum FlatFileCodePage: String, Hashable, Sendable {
    /// UTF-8 (the default when the format names none).
    case utf8
    /// Windows-1252 (`MS1252`): Latin-1 plus `€`, `‘`, `’`… in 0x80–0x9F.
    case windows1252
    /// ISO-8859-1 (`Latin1`): each byte is the scalar of the same number.
    case latin1

    /// The code page an export names (`MS1252`, `UTF-8`, `Latin1`, `ISO-8859-1`); UTF-8 for nil
    /// or an unknown name.
    public init(named name: String?) {
        let key = (name ?? "").uppercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "MS1252", "WINDOWS1252", "CP1252": self = .windows1252
        case "LATIN1", "ISO88591", "ISO885915": self = .latin1
        default: self = .utf8
        }
    }

    /// The text of `bytes` (invalid UTF-8 becomes U+FFFD).
    public func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .latin1, .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(scalar(for: byte)) }
            return String(scalars)
        }
    }

    /// The bytes of `text`; a character the code page lacks is written as `?`.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .latin1, .windows1252: return text.unicodeScalars.map(byte(for:))
        }
    }

    private func scalar(for byte: UInt8) -> Unicode.Scalar {
        if self == .windows1252, (0x80...0x9F).contains(byte),
            let mapped = Self.windows1252High[Int(byte - 0x80)]
        {
            return mapped
        }
        return Unicode.Scalar(byte)
    }

    private func byte(for scalar: Unicode.Scalar) -> UInt8 {
        if self == .windows1252, let index = Self.windows1252High.firstIndex(of: scalar) {
            return UInt8(0x80 + index)
        }
        let value = scalar.value
        if value < 0x80 || (value <= 0xFF && (self == .latin1 || value >= 0xA0)) { return UInt8(value) }
        return UInt8(ascii: "?")
    }

    /// Windows-1252 bytes 0x80–0x9F; nil where the code page leaves the byte undefined (read as
    /// the Latin-1 control character of the same number).
    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
