import Foundation
import IR

/// Node outputs saved during a run so that `--resume` can restart after the last completed
/// source or blocking node: one file per node (`<node>.ckpt`), written under a temporary name and
/// renamed, so a file exists only when complete.
///
/// The format is private to this version: a magic line, the columns, the row kinds, then each
/// value as a tag byte and its payload (integers and doubles as 8 bytes, decimals as their exact
/// digits, date/times as day and nanosecond, text and binary with a length).
struct CheckpointStore {
    let directory: String

    func path(_ node: String) -> String {
        let safe = node.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }
        return directory + "/" + String(safe) + ".ckpt"
    }

    /// The saved output of `node`, or nil when there is none (or it is unreadable).
    func load(_ node: String) -> [String: RowBatch]? {
        guard let data = FileManager.default.contents(atPath: path(node)) else { return nil }
        var reader = CheckpointReader(bytes: [UInt8](data))
        return reader.outputs()
    }

    /// Saves `outputs` of `node` atomically.
    func save(_ node: String, _ outputs: [String: RowBatch]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var writer = CheckpointWriter()
        writer.outputs(outputs)
        let temporary = path(node) + ".tmp"
        try Data(writer.bytes).write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path(node)) { try FileManager.default.removeItem(atPath: path(node)) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path(node))
    }
}

struct CheckpointWriter {
    var bytes: [UInt8] = Array("MIGRATE-CKPT-1\n".utf8)

    mutating func outputs(_ outputs: [String: RowBatch]) {
        int(Int64(outputs.count))
        for group in outputs.keys.sorted() {
            guard let batch = outputs[group] else { continue }
            text(group)
            int(Int64(batch.columns.count))
            for column in batch.columns { text(column) }
            int(Int64(batch.rows.count))
            for kind in batch.kinds { bytes.append(UInt8(RowKind.allCases.firstIndex(of: kind) ?? 0)) }
            for row in batch.rows {
                for value in row { self.value(value) }
            }
        }
    }

    mutating func int(_ v: Int64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ s: String) {
        let utf8 = Array(s.utf8)
        int(Int64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func value(_ value: Value) {
        switch value {
        case .null: bytes.append(0)
        case .integer(let v):
            bytes.append(1)
            int(v)
        case .decimal(let v):
            bytes.append(2)
            text(SQLiteValueText.text(of: v))
        case .double(let v):
            bytes.append(3)
            int(Int64(bitPattern: v.bitPattern))
        case .string(let v):
            bytes.append(4)
            text(v)
        case .dateTime(let v):
            bytes.append(5)
            int(Int64(v.day))
            int(v.nanosecond)
        case .binary(let v):
            bytes.append(6)
            int(Int64(v.count))
            bytes.append(contentsOf: v)
        }
    }
}

struct CheckpointReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func outputs() -> [String: RowBatch]? {
        let magic = Array("MIGRATE-CKPT-1\n".utf8)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
        offset = magic.count
        guard let groups = int() else { return nil }
        var result: [String: RowBatch] = [:]
        for _ in 0..<groups {
            guard let group = text(), let columnCount = int() else { return nil }
            var columns: [String] = []
            for _ in 0..<columnCount {
                guard let column = text() else { return nil }
                columns.append(column)
            }
            guard let rowCount = int(), offset + Int(rowCount) <= bytes.count else { return nil }
            let kinds = bytes[offset..<offset + Int(rowCount)].map {
                RowKind.allCases[Int($0) % RowKind.allCases.count]
            }
            offset += Int(rowCount)
            var rows: [[Value]] = []
            rows.reserveCapacity(Int(rowCount))
            for _ in 0..<rowCount {
                var row: [Value] = []
                row.reserveCapacity(columns.count)
                for _ in 0..<columnCount {
                    guard let value = value() else { return nil }
                    row.append(value)
                }
                rows.append(row)
            }
            result[group] = RowBatch(columns: columns, rows: rows, kinds: kinds)
        }
        return result
    }

    mutating func int() -> Int64? {
        guard offset + 8 <= bytes.count else { return nil }
        var v: Int64 = 0
        for i in 0..<8 { v |= Int64(bytes[offset + i]) << (8 * Int64(i)) }
        offset += 8
        return v
    }

    mutating func text() -> String? {
        guard let count = int(), count >= 0, offset + Int(count) <= bytes.count else { return nil }
        let s = String(decoding: bytes[offset..<offset + Int(count)], as: UTF8.self)
        offset += Int(count)
        return s
    }

    mutating func value() -> Value? {
        guard offset < bytes.count else { return nil }
        let tag = bytes[offset]
        offset += 1
        switch tag {
        case 0: return .null
        case 1: return int().map(Value.integer)
        case 2: return text().flatMap { SQLiteValueText.decimal(from: $0) }.map(Value.decimal)
        case 3: return int().map { Value.double(Double(bitPattern: UInt64(bitPattern: $0))) }
        case 4: return text().map(Value.string)
        case 5:
            guard let day = int(), let nanosecond = int() else { return nil }
            return .dateTime(DateTimeValue(day: Int32(truncatingIfNeeded: day), nanosecond: nanosecond))
        case 6:
            guard let count = int(), offset + Int(count) <= bytes.count else { return nil }
            let payload = Array(bytes[offset..<offset + Int(count)])
            offset += Int(count)
            return .binary(payload)
        default: return nil
        }
    }
}
