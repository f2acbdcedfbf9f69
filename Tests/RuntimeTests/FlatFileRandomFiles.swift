import IR

@testable import Runtime

/// Seeded random flat files, formats and ports for the differential tests of the byte-level
/// reader against ``FlatFileReader/referenceRead(bytes:)``.
struct FlatFileRandomFiles {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// The next 64 random bits (the runtime's SplitMix64).
    mutating func next() -> UInt64 { generator.next() }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Field texts that hit the conversions: good and bad numbers, dates, blanks, NULL characters.
    static let values: [[UInt8]] = [
        "12", "-7", "+3", "007", "-0", "0", "99999999999", "2147483647", "-2147483648", "32768", "1.5", "2.25",
        "-0.10", "1e2", ".5", "5.", "12x", "abc", " 42 ", "\t8", "1234567890123456789", "0.1234567", "*", "**",
        "2024-01-31", "2024-13-01", "2024-02-30", "ann", "bob smith", "", " ", "x  ", "caf\u{E9}", "\u{20AC}5",
        "\u{1F600}", "12345678901234.5",
    ].map { Array($0.utf8) }

    /// Bytes that are special to the tokenizer or to decoding.
    static let specials: [[UInt8]] = [
        [0x2C], [0x3B], [0x7C], [0x09], [0x20], [0x22], [0x27], [0x5C], [0x2A], [0x0A], [0x0D, 0x0A], [0x0D],
        [0xC3], [0xA9], [0xFF], [0x80], [0xE2, 0x82], [0xC3, 0xA9], [0xEF, 0xBB, 0xBF],
    ]

    /// Texts a port of `type` reads without error.
    static func goodValues(_ type: DataType) -> [String] {
        switch type {
        case .integer, .smallInteger, .bigInteger: ["12", "-7", "+3", "007", "-0", " 42 ", "2147483647", "5."]
        case .double, .real, .decimal: ["1.5", "2.25", "-0.10", "5.", ".5", "0", "-12", "99.99", "123456789012345"]
        case .dateTime: ["2024-01-31", "2000-02-29", " 1999-12-31 "]
        default: ["ann", "caf\u{E9}", "x y", "\u{20AC}"]
        }
    }

    /// A random file for `ports`: records of fields, many readable by their port, some quoted,
    /// with escapes, embedded specials, CR LF and blank lines; sometimes no final line end.
    mutating func file(ports: [IR.Port]) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<below(12) {
            for field in 0..<(1 + below(5)) {
                if field > 0 { bytes += pick(Array(Self.specials.prefix(5))) }
                if field < ports.count, chance(60) {
                    bytes += Array(pick(Self.goodValues(ports[field].type)).utf8)
                } else {
                    bytes += fieldBytes()
                }
            }
            bytes += chance(20) ? [0x0D, 0x0A] : [0x0A]
            if chance(10) { bytes += [0x0A] }
        }
        if chance(30), !bytes.isEmpty { bytes.removeLast() }
        return bytes
    }

    private mutating func fieldBytes() -> [UInt8] {
        var content: [UInt8] = []
        for _ in 0..<(1 + below(3)) {
            content += chance(70) ? pick(Self.values) : pick(Self.specials)
        }
        guard chance(30) else { return content }
        let quote: UInt8 = chance(80) ? 0x22 : 0x27
        var quoted = [quote]
        for byte in content {
            if byte == quote, chance(70) { quoted.append(quote) }
            quoted.append(byte)
        }
        if chance(90) { quoted.append(quote) }
        if chance(15) { quoted += chance(50) ? pick(Self.values) : pick(Self.specials) }
        return quoted
    }

    /// A random delimited format over every option the reader supports.
    mutating func format() -> FlatFileFormat {
        var attributes: [Attribute] = []
        if chance(30) { attributes.append(Attribute("KEEPESCAPECHAR", "YES")) }
        if chance(30) { attributes.append(Attribute("CONSECDELIMITERSASONE", "YES")) }
        if chance(40) { attributes.append(Attribute("NULL_CHARACTER", "*")) }
        if chance(30) { attributes.append(Attribute("STRIPTRAILINGBLANKS", "YES")) }
        return FlatFileFormat(
            delimited: true, delimiters: pick([",", ",", ";|", "\\t", " ", "\\011"]),
            quote: pick(["DOUBLE", "DOUBLE", "SINGLE", "NONE"]), escape: pick([nil, nil, "\\", "'"]),
            skipRows: pick([0, 0, 1, 2]), codePage: pick([nil, "UTF-8", "MS1252", "Latin1"]), attributes: attributes)
    }

    /// One to five ports of random types.
    mutating func ports() -> [IR.Port] {
        let types: [DataType] = [
            .integer, .smallInteger, .bigInteger, .double, .real, .decimal(precision: 10, scale: 2),
            .decimal(precision: 5, scale: 0), .decimal(precision: 0, scale: 0), .decimal(precision: 3, scale: 5),
            .string(precision: 5), .string(precision: 20), .string(precision: 0), .nstring(precision: 2),
            .dateTime(precision: 29, scale: 9), .binary(precision: 10),
        ]
        return (0..<(1 + below(5))).map { FlatFileFixture.port("P\($0)", pick(types)) }
    }
}
