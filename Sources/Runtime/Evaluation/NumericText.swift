import Foundation

/// Reading numbers out of strings the way PowerCenter does (G10, reference §3.3, cases 13–23).
///
/// Implicit and explicit string → number conversion reads the leading numeric prefix: leading
/// blanks are skipped, then an optional sign, digits, an optional fraction and (for doubles only)
/// an optional exponent; whatever follows is ignored, and no digits at all read as 0.
///
/// Choice where the reference is silent: a comma between two digits of the integer part is read
/// as a thousands separator and skipped, which is what makes `TO_INTEGER('5,000,000,000')` an
/// overflow (case 19) rather than 5.
enum NumericText {
    /// The numeric prefix of `text` as a plain decimal literal (`-12.5`, `0`), without exponent,
    /// and the exponent text (`e-3`) that followed it, if any.
    static func prefix(_ text: String) -> (mantissa: String, exponent: String?) {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        var mantissa = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            if bytes[i] == UInt8(ascii: "-") { mantissa.append("-") }
            i += 1
        }
        var digits = 0
        while i < bytes.count {
            if isDigit(bytes[i]) {
                mantissa.unicodeScalars.append(Unicode.Scalar(bytes[i]))
                digits += 1
            } else if bytes[i] == UInt8(ascii: ","), digits > 0, i + 1 < bytes.count, isDigit(bytes[i + 1]) {
                // thousands separator: skipped
            } else {
                break
            }
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            var fraction = ""
            var j = i + 1
            while j < bytes.count, isDigit(bytes[j]) {
                fraction.unicodeScalars.append(Unicode.Scalar(bytes[j]))
                j += 1
            }
            if !fraction.isEmpty || digits > 0 {
                mantissa += "." + (fraction.isEmpty ? "0" : fraction)
                digits += fraction.count
                i = j
            }
        }
        guard digits > 0 else { return ("0", nil) }
        return (mantissa, exponent(bytes, from: i))
    }

    /// The exponent (`e+3`) starting at `i`, when it has at least one digit.
    private static func exponent(_ bytes: [UInt8], from start: Int) -> String? {
        var i = start
        guard i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return nil }
        var text = "e"
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            text.unicodeScalars.append(Unicode.Scalar(bytes[i]))
            i += 1
        }
        var any = false
        while i < bytes.count, isDigit(bytes[i]) {
            text.unicodeScalars.append(Unicode.Scalar(bytes[i]))
            any = true
            i += 1
        }
        return any ? text : nil
    }

    /// The prefix as a whole number when it is one of at most 18 digits with no fraction or
    /// thousands separator after it (the exponent is ignored, as ``decimal(_:)`` ignores it); nil
    /// otherwise, for the general path. Reads no more than ``prefix(_:)`` and allocates nothing.
    static func wholePrefix(_ text: String) -> Int64? {
        var utf8 = text.utf8.makeIterator()
        var byte = utf8.next()
        while let b = byte, isBlank(b) { byte = utf8.next() }
        var negative = false
        if let b = byte, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
            negative = b == UInt8(ascii: "-")
            byte = utf8.next()
        }
        var value: Int64 = 0
        var digits = 0
        while let b = byte, isDigit(b) {
            guard digits < 18 else { return nil }
            value = value * 10 + Int64(b - UInt8(ascii: "0"))
            digits += 1
            byte = utf8.next()
        }
        guard digits > 0, byte != UInt8(ascii: "."), byte != UInt8(ascii: ",") else { return nil }
        return negative ? -value : value
    }

    /// The prefix as a decimal: the exponent is ignored (`'18e-3'` → 18, case 22).
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: prefix(text).mantissa, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }

    /// The prefix as a double, exponent included (`'18e-3'` → 0.018, case 22).
    static func double(_ text: String) -> Double {
        let (mantissa, exponent) = prefix(text)
        return Double(mantissa + (exponent ?? "")) ?? 0
    }

    /// Whether `text` is a number as IS_NUMBER sees it (reference §3.4.7, cases 13–14): optional
    /// blanks, sign, digits with an optional point (at least one digit), an optional complete
    /// exponent, optional trailing blanks, and nothing else.
    static func isNumber(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(isNumber(bytes:)) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(isNumber(bytes:))
    }

    /// ``isNumber(_:)`` over the text's UTF-8 bytes (read in place, no copy).
    private static func isNumber(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits = 0
        while i < bytes.count, isDigit(bytes[i]) { i += 1; digits += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < bytes.count, isDigit(bytes[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        return i == bytes.count
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Blank, tab, line feed, carriage return, vertical tab, form feed.
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
