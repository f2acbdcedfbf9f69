import Foundation

/// Renders a diff report's edit script as pretty-printed JSON with sorted keys.
public enum DiffJSONRenderer {
    /// The JSON text of `report`, ending in a newline.
    public static func render(_ report: DiffReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return compactingEmptyArrays(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation pretty-prints an empty array over three lines (`[`, an empty line, `]`); this
    /// writes it as `[]`.
    static func compactingEmptyArrays(_ json: String) -> String {
        var lines: [String] = []
        let input = json.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < input.count {
            let line = input[index]
            if line.hasSuffix("["), index + 2 < input.count, input[index + 1].allSatisfy(\.isWhitespace) {
                let closing = input[index + 2].drop { $0 == " " }
                if closing == "]" || closing == "]," {
                    lines.append(String(line) + String(closing))
                    index += 3
                    continue
                }
            }
            lines.append(String(line))
            index += 1
        }
        return lines.joined(separator: "\n")
    }
}
