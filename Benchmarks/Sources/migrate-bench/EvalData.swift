import Foundation
import Runtime

/// The benchmark's input rows: generated deterministically into a CSV file that DuckDB reads too.
///
/// Columns: id, name (quoted; blanks around some names; empty = NULL on 1 row in 50), qty, price,
/// code, dt (YYYY-MM-DD), flag, discount.
enum EvalData {
    static let header = "id,name,qty,price,code,dt,flag,discount"

    /// Writes `rows` rows from `seed`; false when the file cannot be written.
    static func write(rows: Int, seed: UInt64, to path: String) -> Bool {
        var random = SeededGenerator(seed: seed)
        let names = ["Alice", "Bob", "Carmen", "Dmitri", "Eleanor", "Farouk", "Gwendolyn", "Hiroshi", "Ines"]
        var text = header + "\n"
        text.reserveCapacity(rows * 64)
        for id in 1...rows {
            let name: String
            switch random.int(0...49) {
            case 0: name = ""
            case 1...10: name = "\"  \(random.pick(names)) \(random.int(1...999))\""
            case 11...15: name = "\"\(random.pick(names)) Smith  \""
            default: name = "\"\(random.pick(names)) \(random.pick(names))son\""
            }
            let price = Double(random.int(50...25_000)) / 100
            let date = "\(random.int(2000...2027))-\(twoDigits(random.int(1...12)))-\(twoDigits(random.int(1...28)))"
            let discount = Double(random.int(0...30)) / 100
            text += "\(id),\(name),\(random.int(1...40)),\(price),\(random.pick(["A", "B", "C", "D", "E"])),"
            text += "\(date),\(random.int(0...1)),\(discount)\n"
        }
        return FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Reads the CSV written by ``write(rows:seed:to:)`` into rows of values in the port order of
    /// ``EvalPorts/inputs``; nil when the file cannot be read.
    static func read(_ path: String) -> [[Value]]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var rows: [[Value]] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = split(line)
            guard fields.count == 8 else { continue }
            rows.append([
                .integer(Int64(fields[0]) ?? 0), fields[1].isEmpty ? .null : .string(String(fields[1])),
                .integer(Int64(fields[2]) ?? 0), .double(Double(fields[3]) ?? 0), .string(String(fields[4])),
                .string(String(fields[5])), .integer(Int64(fields[6]) ?? 0), .double(Double(fields[7]) ?? 0),
            ])
        }
        return rows
    }

    /// The fields of one line (quotes removed; the generator never writes commas or quotes inside).
    private static func split(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            field.hasPrefix("\"") && field.hasSuffix("\"") && field.count >= 2 ? field.dropFirst().dropLast() : field
        }
    }

    /// A value's text for `--show`.
    static func text(_ value: Value) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let i): "\(i)"
        case .double(let d): "\(d)"
        case .decimal(let d): "\(d)"
        case .string(let s): "'\(s)'"
        case .dateTime(let d): "date(\(d.day), \(d.nanosecond))"
        case .binary(let b): "binary(\(b.count))"
        }
    }
}
