import Foundation
import IR

/// Writes rows to a delimited or fixed-width flat file, as a PowerCenter flat-file target does
/// (reference §2.20): NULL is an empty field (delimited) or blanks (fixed width); numbers and
/// dates are written as the evaluator prints them (dates in the session format); lines end in LF.
///
/// A string longer than its field's precision is cut to it (``written(_:as:)``;
/// ``EvaluationSettings/flatFileTargetsCutLongStrings``). Delimited
/// fields are joined by the first delimiter and quoted when they hold a delimiter, the
/// quote, the escape character or a line break (a quote inside is doubled); without a quote
/// character those are preceded by the escape character when there is one. Fixed-width fields
/// are padded with blanks or cut to their length.
public struct FlatFileWriter: Sendable {
    /// The file layout.
    public var options: FlatFileOptions
    /// The ports, in field order; each names a column of the rows written.
    public var ports: [IR.Port]
    /// The session settings (date format).
    public var settings: EvaluationSettings

    /// Creates a writer for `format` with `ports` in field order.
    public init(format: FlatFileFormat, ports: [IR.Port], settings: EvaluationSettings) {
        self.options = FlatFileOptions(format)
        self.ports = ports
        self.settings = settings
    }

    /// The file's bytes for `rows` (in the format's code page).
    public func bytes(of rows: RowSet) throws(RowError) -> [UInt8] {
        let positions = try rows.indexes(of: ports.map(\.name))
        let layout = FlatFileFixedWidthLayout(ports: ports)
        var text = ""
        for row in rows.rows {
            var fields: [String] = []
            for (position, port) in zip(positions, ports) {
                let value =
                    settings.flatFileTargetsCutLongStrings ? Self.written(row[position], as: port) : row[position]
                fields.append(try ValueConversion.text(value, settings) ?? "")
            }
            text += options.delimited ? delimitedLine(fields) : fixedWidthLine(fields, layout)
            text += "\n"
        }
        return options.codePage.encode(text)
    }

    /// `value` as the field of `port` holds it: a string longer than the field's precision is cut
    /// to it, for a delimited field too (reference §2.20: longer strings are truncated in a flat
    /// file [BELIEVED]; a fixed-width field is also cut to its width when the line is laid out).
    public static func written(_ value: Value, as port: IR.Port) -> Value {
        guard case .string(let text) = value else { return value }
        switch port.type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            guard p > 0, text.unicodeScalars.count > p else { return value }
            return .string(String(String.UnicodeScalarView(text.unicodeScalars.prefix(p))))
        default: return value
        }
    }

    /// Writes `rows` to `path` atomically: a temporary file in the same folder, then a rename.
    public func write(_ rows: RowSet, to path: String) throws {
        let data = Data(try bytes(of: rows))
        let temporary = path + ".tmp-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw FlatFileIOError("cannot write the temporary file '\(temporary)'")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FlatFileIOError("cannot rename '\(temporary)' to '\(path)'")
        }
    }

    private func delimitedLine(_ fields: [String]) -> String {
        let delimiter = String(options.delimiters.first ?? ",")
        return fields.map(delimitedField).joined(separator: delimiter)
    }

    private func delimitedField(_ text: String) -> String {
        let special = text.unicodeScalars.contains { scalar in
            options.delimiters.contains(scalar) || scalar == options.quote || scalar == options.escape
                || scalar == "\n" || scalar == "\r"
        }
        guard special else { return text }
        if let quote = options.quote {
            var quoted = String.UnicodeScalarView([quote])
            for scalar in text.unicodeScalars {
                if scalar == quote || scalar == options.escape { quoted.append(scalar == quote ? quote : scalar) }
                quoted.append(scalar)
            }
            quoted.append(quote)
            return String(quoted)
        }
        guard let escape = options.escape else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if options.delimiters.contains(scalar) || scalar == escape || scalar == "\n" { escaped.append(escape) }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    private func fixedWidthLine(_ fields: [String], _ layout: FlatFileFixedWidthLayout) -> String {
        let width = layout.slices.map { $0.offset + $0.length }.max() ?? 0
        var line = [Unicode.Scalar](repeating: " ", count: width)
        for (field, slice) in zip(fields, layout.slices) {
            for (index, scalar) in field.unicodeScalars.prefix(slice.length).enumerated() {
                line[slice.offset + index] = scalar
            }
        }
        return String(String.UnicodeScalarView(line))
    }
}
