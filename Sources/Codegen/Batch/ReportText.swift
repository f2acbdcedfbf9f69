import IR

/// The human-readable form of a conversion report.
public enum ReportText {
    /// Renders the summary, the objects not fully converted with their reasons, and per-file
    /// conservation counts.
    public static func render(_ report: ConversionReport, outputFolder: String?) -> String {
        let objects = report.files.flatMap(\.objects)
        var out = "Converted \(report.files.count) file(s), \(objects.count) object(s)"
        if let outputFolder { out += " into \(outputFolder)" }
        out += "\n"
        out += "  fully converted:         \(report.converted)\n"
        out += "  converted with warnings: \(report.convertedWithWarnings)\n"
        out += "  not converted:           \(report.notConverted)\n"
        if report.failedFiles > 0 { out += "  files not converted:     \(report.failedFiles)\n" }
        let troubled = report.files.flatMap { file in file.objects.filter { $0.status != .converted }.map { (file, $0) }
        }
        if !troubled.isEmpty {
            out += "\nObjects not fully converted:\n"
            for (_, object) in troubled {
                out +=
                    "  \(object.status.rawValue) \(object.kind) '\(object.name)' confidence \(format(object.confidence))"
                out += " -> \(object.output)\n"
                for reason in object.reasons.prefix(20) {
                    out +=
                        "    \(reason.location.description): \(reason.severity.rawValue): [\(reason.code)] \(reason.message)\n"
                }
                if object.reasons.count > 20 { out += "    ... and \(object.reasons.count - 20) more\n" }
            }
        }
        let verified = report.files.flatMap(\.objects).filter { $0.verification != nil }
        if !verified.isEmpty {
            out += "\nVerified by execution (native against the SQL):\n"
            for object in verified {
                guard let verification = object.verification else { continue }
                out += "  \(object.name): \(verification.verdict) (\(verification.engines.joined(separator: ", "))); "
                out += "\(verification.agreeing) target(s) agree, \(verification.notPushedDown) kept in the runtime\n"
                if let detail = verification.detail { out += "    \(detail)\n" }
            }
        }
        out += "\nConservation (represented + diagnosed = seen):\n"
        for file in report.files {
            let status = file.inventory.allSatisfy(\.isConserved) ? "ok" : "LOST ELEMENTS"
            out += "  \(file.file): \(status)\n"
            if file.inventory.isEmpty { continue }
            let parts = file.inventory.map { entry in
                var part = "\(entry.kind) \(entry.represented)+\(entry.diagnosed)=\(entry.seen)"
                if !entry.unaccounted.isEmpty { part += " (\(entry.unaccounted.count) unaccounted)" }
                return part
            }
            out += "    " + parts.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// Two decimals, as in the JSON report.
    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
