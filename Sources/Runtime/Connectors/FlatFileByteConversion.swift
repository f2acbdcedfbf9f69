import IR

/// Turning a field's bytes into a port's value with exactly the result of
/// ``FlatFileFieldConversion``: strings are decoded once, plain integers and short plain decimal
/// numbers are read from the bytes, dates are parsed with the session format compiled once;
/// anything else (exponents, long or out-of-range numbers, strings longer than the port,
/// binary, errors) goes through ``FlatFileFieldConversion`` with the decoded text.
struct FlatFileByteConversion: Sendable {
    /// What the fast path does for one port.
    enum Kind: Sendable {
        case string(precision: Int)
        /// A string field no port reads (``FlatFileOptions/unreadFields``).
        case unread(precision: Int)
        case integer(limit: Int64)
        case double
        case decimal(integerDigits: Int, scale: Int)
        case date
        case other
    }

    let ports: [IR.Port]
    let kinds: [Kind]
    let options: FlatFileOptions
    let settings: EvaluationSettings
    /// The session date format, compiled once (the reference compiles it for every field).
    let datePattern: DatePattern

    init(ports: [IR.Port], options: FlatFileOptions, settings: EvaluationSettings) {
        self.ports = ports
        self.options = options
        self.settings = settings
        datePattern = DatePattern(settings.dateTimeFormat)
        kinds = ports.enumerated().map { index, port in
            switch port.type {
            case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
                options.unreadFields.contains(index) ? .unread(precision: p) : .string(precision: p)
            case .integer: .integer(limit: Int64(Int32.max))
            case .smallInteger: .integer(limit: Int64(Int16.max))
            case .bigInteger: .integer(limit: Int64.max)
            case .double, .real: .double
            case .dateTime: .date
            case .decimal(let p, let s) where !settings.highPrecision && p > 0:
                .decimal(integerDigits: max(0, p - s), scale: s)
            default: .other
            }
        }
    }

    /// The value of the field `bytes` for port `index`; `cuts` are the offsets where the scanner
    /// dropped bytes (UTF-8 is decoded piece by piece between them).
    func value(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, cuts: [Int], port index: Int
    ) throws(RowError) -> Value {
        var content = bytes
        if options.stripTrailingBlanks { content = Self.strippingTrailingBlanks(content) }
        if !quoted, isNull(content) { return .null }
        switch kinds[index] {
        case .string(let precision):
            if precision <= 0 || content.count <= precision { return .string(decode(content, cuts: cuts)) }
        case .unread(let precision):
            if precision <= 0 || content.count <= precision { return .null }
        case .integer(let limit):
            if let number = FlatFileNumberBytes(Self.trimmingLeadingBlanks(content)), number.scale == 0,
                number.digits <= 18, number.magnitude <= UInt64(limit)
            {
                let magnitude = Int64(number.magnitude)
                return .integer(number.negative ? -magnitude : magnitude)
            }
        case .double:
            if let number = FlatFileNumberBytes(Self.trimmingLeadingBlanks(content)), let d = number.double {
                return .double(d)
            }
        case .decimal(let integerDigits, let scale):
            if let number = FlatFileNumberBytes(Self.trimmingLeadingBlanks(content)), number.scale <= scale,
                let d = number.double, number.fitsIntegerDigits(integerDigits)
            {
                return .double(d == 0 ? 0 : d)
            }
        case .date:
            let text = FlatFileFieldConversion.trimBlanks(decode(content, cuts: cuts))
            if let date = try? DateFormat.parse(text, datePattern, settings: settings) { return .dateTime(date) }
        case .other:
            break
        }
        let field = FlatFileField(text: decode(bytes, cuts: cuts), quoted: quoted)
        return try FlatFileFieldConversion.value(of: field, for: ports[index], options, settings)
    }

    /// Whether unquoted content is empty or only NULL characters.
    private func isNull(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        if content.isEmpty { return true }
        guard let null = options.nullCharacter else { return false }
        let byte = UInt8(null.value)
        return content.allSatisfy { $0 == byte }
    }

    /// The text of `bytes` in the file's code page.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, cuts: [Int]) -> String {
        switch options.codePage {
        case .utf8:
            guard !cuts.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
            var text = ""
            var from = 0
            for cut in cuts where cut > from && cut < bytes.count {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<cut]), as: UTF8.self)
                from = cut
            }
            return text + String(decoding: UnsafeBufferPointer(rebasing: bytes[from...]), as: UTF8.self)
        case .latin1, .windows1252:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return options.codePage.decode(Array(bytes))
        }
    }

    private static func strippingTrailingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[0..<end])
    }

    /// `bytes` without leading and trailing blanks and tabs.
    private static func trimmingLeadingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let stripped = strippingTrailingBlanks(bytes)
        var start = 0
        while start < stripped.count, stripped[start] == 0x20 || stripped[start] == 0x09 { start += 1 }
        return UnsafeBufferPointer(rebasing: stripped[start...])
    }
}

/// A plain number read from bytes: optional sign, digits, optional point and fraction digits,
/// at most 18 digits in all, nothing else (no exponent, no blanks).
struct FlatFileNumberBytes {
    /// Whether a minus sign came first.
    var negative = false
    /// All digits as one whole number (the point ignored).
    var magnitude: UInt64 = 0
    /// The number of digits, leading zeros included.
    var digits = 0
    /// The number of digits after the point.
    var scale = 0

    /// Reads `bytes`; nil when they are not such a number.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var point = false
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 18 else { return nil }
                magnitude = magnitude * 10 + UInt64(byte - 0x30)
                digits += 1
                if point { scale += 1 }
            } else if byte == UInt8(ascii: "."), !point {
                point = true
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
    }

    /// The nearest double, when exact arithmetic gives it (at most 15 digits: the digits and
    /// the power of ten are exact doubles, so one division rounds correctly, as parsing does).
    var double: Double? {
        guard digits <= 15 else { return nil }
        var power = 1.0
        for _ in 0..<scale { power *= 10 }
        let d = Double(magnitude) / power
        return negative ? -d : d
    }

    /// Whether the whole part has fewer than `count` digits (is below 10^count).
    func fitsIntegerDigits(_ count: Int) -> Bool {
        guard count < 18 else { return true }
        var whole = magnitude
        for _ in 0..<scale { whole /= 10 }
        var limit: UInt64 = 1
        for _ in 0..<count { limit *= 10 }
        return whole < limit
    }
}
