import Foundation
import IR
import Testing

@testable import Importers

/// Damaged exports never crash the importer and never pass silently: each deterministic mutation of
/// a real-looking export (truncation, byte flips, deleted or duplicated lines, renamed references)
/// either imports with every element accounted for or reports an error diagnostic.
@Suite struct MutationRobustnessTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    /// A small deterministic generator (SplitMix64), so every run tries the same mutations.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ bytes: [UInt8], kind: Int, using random: inout SplitMix) -> [UInt8] {
        var out = bytes
        guard !out.isEmpty else { return out }
        switch kind {
        case 0:  // truncate anywhere
            out = Array(out.prefix(Int.random(in: 0..<out.count, using: &random)))
        case 1:  // flip a few bytes
            for _ in 0..<4 {
                out[Int.random(in: 0..<out.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 2, 3:  // delete (2) or duplicate (3) a whole line
            var lines = out.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            let index = Int.random(in: 0..<lines.count, using: &random)
            if kind == 2 { lines.remove(at: index) } else { lines.insert(lines[index], at: index) }
            out = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:  // rename a referenced name: breaks connectors, instances or shortcuts
            let text = String(decoding: out, as: UTF8.self)
            let names = text.matches(of: /NAME ="([A-Za-z_][A-Za-z0-9_]*)"/).map { String($0.output.1) }
            guard let name = names.randomElement(using: &random) else { return out }
            out = Array(text.replacingOccurrences(of: "\"\(name)\"", with: "\"\(name)_X\"").utf8)
        }
        return out
    }

    @Test func mutatedExportsNeverCrashAndNeverPassSilently() throws {
        let inputs = [
            "basic", "joiner_normal", "router_default", "mapplet_expanded", "union", "lookup_unconnected",
            "workflows/worklets", "workflows/reusable-session", "shortcut_resolved",
        ]
        var random = SplitMix(state: 20261130)
        var counts = [0, 0]  // [clean imports, imports with errors]
        for input in inputs {
            let url = Self.fixtures.appendingPathComponent(input).appendingPathComponent("input.xml")
            let original = [UInt8](try Data(contentsOf: url))
            for round in 0..<40 {
                let bytes = Self.mutate(original, kind: round % 5, using: &random)
                let file = "\(input)#\(round)"
                let read = HardenedXMLReader.read(bytes: bytes, file: file, expectedRoot: "POWERMART")
                var diagnostics = read.diagnostics
                var conserved = true
                if let root = read.root {
                    let result = PowerCenterImporter().importTree(root, file: file)
                    diagnostics += result.diagnostics
                    conserved = result.isConserved
                    for pipeline in result.pipelines where !pipeline.verify().isEmpty && !diagnostics.hasErrors {
                        Issue.record(
                            "\(file): pipeline '\(pipeline.name)' fails verification without an error diagnostic")
                    }
                }
                #expect(conserved || diagnostics.hasErrors, "\(file): elements lost without an error")
                counts[diagnostics.hasErrors ? 1 : 0] += 1
            }
        }
        print("mutations: \(counts[0]) imported cleanly, \(counts[1]) reported errors")
        #expect(counts[1] > 0)
    }
}
