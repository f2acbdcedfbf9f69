import Foundation
import IR

/// The text forms the PostgreSQL connector sends and reads (text format, never binary): exact
/// decimal digits, ISO date/times with nine fraction digits, bytea in hex (`\x00ff`), and the
/// shortest float text that reads back as the same double.
enum PostgresValueText {
    /// The OID of `bytea`, whose text form is hex.
    static let byteaOID: UInt32 = 17
    /// The OID of `boolean`, whose text form is `t` or `f`.
    static let booleanOID: UInt32 = 16
    /// The most significant digits a Foundation `Decimal` holds exactly.
    static let maxDecimalDigits = 38

    /// Why a value cannot be sent.
    struct Unsendable: Error {
        /// What is wrong with the value.
        var reason: String
    }

    /// The text PostgreSQL parses back into `value`, or nil for NULL. Text holding a NUL character
    /// cannot be sent (PostgreSQL text never holds one) and is refused rather than cut short.
    static func parameter(_ value: Value) throws(Unsendable) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .double(let number): return text(of: number)
        case .decimal(let number): return SQLiteValueText.text(of: number)
        case .string(let text):
            guard !text.utf8.contains(0) else {
                throw Unsendable(reason: "text holds a NUL character, which PostgreSQL cannot store")
            }
            return text
        case .dateTime(let date): return SQLiteValueText.text(of: date)
        case .binary(let bytes): return hex(bytes)
        }
    }

    /// The shortest text that reads back as `number`; `NaN`, `Infinity`, `-Infinity` as PostgreSQL spells them.
    static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return "\(number)"
    }

    /// `bytes` in bytea hex form: `\x` and two lower-case hex digits per byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of bytea hex text `\x00ff`, or nil when the text is not in hex form.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0
        else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2 - 1)
        var index = 2
        while index < utf8.count {
            guard let high = hexDigit(utf8[index]), let low = hexDigit(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The value of a column whose server type is `oid`, written as `text`, read as `type`; nil
    /// when the text does not convert exactly.
    static func value(_ text: String, oid: UInt32, as type: DataType) -> Value? {
        switch type {
        case .integer, .smallInteger, .bigInteger: integer(text, oid: oid).map(Value.integer)
        case .double, .real: Double(text).map(Value.double)
        case .decimal: decimal(text).map(Value.decimal)
        case .string, .nstring, .text, .ntext: .string(text)
        case .dateTime: SQLiteValueText.dateTime(from: text).map(Value.dateTime)
        case .binary: oid == byteaOID ? bytes(fromHex: text).map(Value.binary) : .binary(Array(text.utf8))
        }
    }

    /// An integer from its digits, a boolean (`t` = 1, `f` = 0) or a decimal with only zeros after the point.
    private static func integer(_ text: String, oid: UInt32) -> Int64? {
        if oid == booleanOID { return text == "t" ? 1 : text == "f" ? 0 : nil }
        if let number = Int64(text) { return number }
        guard let point = text.firstIndex(of: "."), text[text.index(after: point)...].allSatisfy({ $0 == "0" })
        else { return nil }
        return Int64(text[..<point])
    }

    /// The exact decimal in `text`, or nil when it is not a number or has more digits than `Decimal` holds.
    static func decimal(_ text: String) -> Decimal? {
        guard significantDigits(text) <= maxDecimalDigits else { return nil }
        return SQLiteValueText.decimal(from: text)
    }

    /// The digits of `text` without leading zeros and without trailing zeros after the point.
    private static func significantDigits(_ text: String) -> Int {
        var digits = Array(text.utf8.filter { (48...57).contains($0) || $0 == 46 })
        if digits.contains(46) {
            while digits.last == 48 { digits.removeLast() }
        }
        return digits.filter { $0 != 46 }.drop { $0 == 48 }.count
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}
