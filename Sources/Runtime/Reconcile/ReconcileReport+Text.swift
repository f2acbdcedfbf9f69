import Foundation

extension ReconcileReport {
    /// The report as a migration team reads it in a terminal: the tables, the key, schema
    /// differences, each column's aggregates (both sides when they differ), the row counts with
    /// samples, and the verdict.
    public var text: String {
        var lines = [
            "source: \(source.connection):\(source.table) (\(source.rows) rows, \(source.columns.count) columns)",
            "target: \(target.connection):\(target.table) (\(target.rows) rows, \(target.columns.count) columns)",
            keyLine,
        ]
        if !schema.isEmpty {
            lines.append("schema:")
            lines += schema.map { "  " + Self.describe($0) }
        }
        lines.append("columns:")
        for column in columns {
            let state = column.agrees ? "agree" : "DIFFER"
            lines.append("  \(column.column) (\(column.kind.rawValue)): \(state)")
            if column.agrees {
                lines.append("    both:   " + Self.describe(column.source))
            } else {
                lines.append("    source: " + Self.describe(column.source))
                lines.append("    target: " + Self.describe(column.target))
            }
        }
        lines += rowLines
        lines.append("verdict: " + verdictText)
        return lines.joined(separator: "\n") + "\n"
    }

    var keyLine: String {
        switch keySource {
        case "none": "keys: none (whole rows compared as multisets)"
        default: "keys: \(rows.keys.joined(separator: ", ")) (from \(keySource))"
        }
    }

    var rowLines: [String] {
        var lines = [
            "rows: \(rows.matched) matched, \(rows.missing) missing from the target, \(rows.extra) extra in the target"
                + (rows.keys.isEmpty ? "" : ", \(rows.mismatched) with differing values")
        ]
        if !rows.columnMismatches.isEmpty {
            let counts = rows.columnMismatches.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("  differing values by column: " + counts.joined(separator: ", "))
        }
        for (title, samples) in [("missing", rows.missingSamples), ("extra", rows.extraSamples)] where !samples.isEmpty
        {
            lines.append("  \(title) (first \(samples.count)):")
            lines += samples.map { "    (" + $0.map(Self.quoted).joined(separator: ", ") + ")" }
        }
        if !rows.mismatchSamples.isEmpty {
            lines.append("  differing values (first \(rows.mismatchSamples.count)):")
            for sample in rows.mismatchSamples {
                let key = sample.key.map(Self.quoted).joined(separator: ", ")
                lines.append(
                    "    key (\(key)) \(sample.column): source \(Self.quoted(sample.source)), target \(Self.quoted(sample.target))"
                )
            }
        }
        return lines
    }

    var verdictText: String {
        let percent = String(format: "%.4g%%", differingFraction * 100)
        switch verdict {
        case .match: return "match"
        case .withinThreshold:
            return
                "within threshold (\(percent) of rows differ; threshold \(String(format: "%.4g%%", threshold * 100)))"
        case .differs: return "DIFFERS (\(percent) of rows differ)"
        }
    }

    static func describe(_ difference: SchemaDifference) -> String {
        switch difference.kind {
        case "only-in-source": "only in source: \(difference.column) (\(difference.source ?? ""))"
        case "only-in-target": "only in target: \(difference.column) (\(difference.target ?? ""))"
        default:
            "type differs: \(difference.column) (source \(difference.source ?? ""), target \(difference.target ?? ""))"
        }
    }

    static func describe(_ profile: ColumnProfile) -> String {
        var parts = ["nulls \(profile.nulls)", "distinct \(profile.distinct)"]
        if let minimum = profile.minimum { parts.append("min \(quoted(minimum))") }
        if let maximum = profile.maximum { parts.append("max \(quoted(maximum))") }
        if let sum = profile.sum { parts.append("sum \(sum)") }
        parts.append("checksum \(profile.checksum)")
        return parts.joined(separator: ", ")
    }

    static func quoted(_ text: String) -> String { text == "NULL" ? text : "'\(text)'" }

    /// The report as JSON (keys sorted, so the same tables give the same text).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
