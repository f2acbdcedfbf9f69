import IR

/// How the values of an expression run are written: as JSON lines and as text lines.
extension ExpressionRunner {
    /// One row as one JSON object, keys in this order:
    /// `{"canonical": "...", "type": "...", "value": ..., "error": ...}`. `type` is the canonical
    /// datatype name or null; `value` is described at ``jsonValue(_:)`` (null when the row failed);
    /// `error` is null or `{"code": "RT0004", "message": "..."}`.
    public static func jsonLine(canonical: String, type: DataType?, row: Result<Value, RowError>) -> String {
        var value = "null"
        var error = "null"
        switch row {
        case .success(let v): value = jsonValue(v)
        case .failure(let e): error = "{\"code\": \(jsonString(e.code)), \"message\": \(jsonString(e.message))}"
        }
        let typeText = type.map { jsonString($0.canonicalName) } ?? "null"
        return
            "{\"canonical\": \(jsonString(canonical)), \"type\": \(typeText), \"value\": \(value), \"error\": \(error)}"
    }

    /// A value as JSON: strings as strings; integers, decimals and doubles as numbers (booleans are
    /// the integers 1 and 0; a whole double below 10^15 has no fraction, other doubles use the
    /// shortest text that reads back as the same double; NaN and infinities, which JSON numbers
    /// cannot hold, are strings); dates as ``isoText(_:)`` strings; binary as a string of hex digits;
    /// NULL as null.
    public static func jsonValue(_ value: Value) -> String {
        switch value {
        case .string(let s): jsonString(s)
        case .dateTime(let d): jsonString(isoText(d))
        case .binary(let bytes): jsonString(hexText(bytes))
        case .double(let d) where !d.isFinite: jsonString(d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity")
        default: numberText(value) ?? "null"
        }
    }

    /// A row as one text line: the value (strings in single quotes with quotes doubled, numbers and
    /// dates as in JSON, `NULL`), or `row error [CODE] message`.
    public static func textLine(_ row: Result<Value, RowError>) -> String {
        switch row {
        case .failure(let error): return "row error [\(error.code)] \(error.message)"
        case .success(let value):
            switch value {
            case .null: return "NULL"
            case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .dateTime(let d): return isoText(d)
            case .binary(let bytes): return "0x" + hexText(bytes)
            case .double(let d) where !d.isFinite: return d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
            default: return numberText(value) ?? "NULL"
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, with `.ffffff` (six digits, the nanoseconds cut to microseconds) when
    /// the date has a non-zero fraction of a second.
    public static func isoText(_ date: DateTimeValue) -> String {
        let p = CivilCalendar.parts(date)
        var text = "\(digits(p.year, 4))-\(digits(p.month, 2))-\(digits(p.day, 2))"
        text += "T\(digits(p.hour, 2)):\(digits(p.minute, 2)):\(digits(p.second, 2))"
        if p.nanosecond != 0 { text += "." + digits(p.nanosecond / 1000, 6) }
        return text
    }

    /// The text of a number value; nil for other values.
    static func numberText(_ value: Value) -> String? {
        switch value {
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .double(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return "\(d)"
        default: return nil
        }
    }

    /// `value` with leading zeros to `width` digits.
    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Lower-case hex digits, two per byte.
    static func hexText(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef")
        return String(bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
