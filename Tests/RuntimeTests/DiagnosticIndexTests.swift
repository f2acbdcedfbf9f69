import Foundation
import IR
import Importers
import Runtime
import Testing

/// `DiagnosticIndex` gives each object the diagnostics that may concern it: attaching notes from
/// its candidates gives exactly what attaching from every diagnostic of the file gives, and the
/// candidates hold every diagnostic within the object's path, in order, none twice.
@Suite struct DiagnosticIndexTests {
    /// The fixtures, then the corpus exports when the corpus is there.
    static var files: [String] {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/powercenter")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.sorted().map { fixtures.appendingPathComponent("\($0)/input.xml").path }
            .filter { FileManager.default.fileExists(atPath: $0) } + CorpusExpressionTypingTests.corpusFiles
    }

    @Test(
        "every pipeline of the fixtures and the corpus gets the same notes and report diagnostics from its candidates")
    func sameAsReadingEveryDiagnostic() {
        var pipelines = 0
        var attached = 0
        for file in Self.files {
            var result = PowerCenterImporter().importFile(atPath: file)
            result.diagnostics += ExpressionTypingCheck().check(result)
            let index = DiagnosticIndex(result.diagnostics)
            for pipeline in result.pipelines {
                pipelines += 1
                var fromAll = pipeline
                fromAll.attachNotes(from: result.diagnostics)
                var fromCandidates = pipeline
                fromCandidates.attachNotes(from: index.candidates(within: pipeline.notePaths))
                #expect(fromAll == fromCandidates, "\(file): \(pipeline.name)")
                attached += fromAll.notes.count + fromAll.nodes.reduce(0) { $0 + $1.notes.count }
                let path = pipeline.origin.path
                #expect(
                    result.diagnostics.filter { $0.path.isWithin(path) }
                        == index.candidates(within: [path]).filter { $0.path.isWithin(path) },
                    "\(file): \(pipeline.name)")
            }
        }
        #expect(pipelines >= 27, "every fixture imports a pipeline")
        #expect(attached > 0, "some notes are attached, so the comparison is not between empty lists")
    }

    @Test("candidates: a superset of the diagnostics within the paths, in order, each once")
    func candidatesAreOrderedSupersets() {
        func path(_ parts: [(String, String)]) -> ObjectPath { ObjectPath(parts.map { .init($0.0, $0.1) }) }
        let paths = [
            path([("FOLDER", "F"), ("MAPPING", "m1"), ("INSTANCE", "EXP")]),
            path([("FOLDER", "F"), ("MAPPING", "m2"), ("INSTANCE", "EXP")]),
            path([("FOLDER", "F"), ("MAPPING", "m1")]),
            path([("FOLDER", "F"), ("MAPPLET", "mpl"), ("TRANSFORMATION", "EXP"), ("PORT", "A")]),
            path([("FOLDER", "F"), ("MAPPING", "m1"), ("INSTANCE", "EXP"), ("PORT", "EXP")]),
            ObjectPath(),
        ]
        let diagnostics = paths.enumerated().map { position, path in
            Diagnostic(
                code: "T0001", severity: .warning, message: "d\(position)", location: SourceLocation(file: "f.xml"),
                path: path)
        }
        let index = DiagnosticIndex(diagnostics)
        let queries: [[ObjectPath]] = [
            [paths[0]], [paths[2]], [paths[2], paths[0], paths[1]], [path([("FOLDER", "F"), ("MAPPLET", "mpl")])],
            [ObjectPath()], [], [path([("FOLDER", "G")])],
        ]
        for query in queries {
            let candidates = index.candidates(within: query)
            let messages = candidates.map(\.message)
            let within = diagnostics.filter { d in query.contains { d.path.isWithin($0) } }.map(\.message)
            #expect(Set(within).isSubset(of: Set(messages)), "\(query)")
            #expect(messages == diagnostics.map(\.message).filter(messages.contains), "in order: \(query)")
            #expect(Set(messages).count == messages.count, "each once: \(query)")
        }
        // The instance EXP of m1 reads d0 and d4 (within it) and d1 (an instance EXP of another
        // mapping) as candidates, not d3 (a TRANSFORMATION named EXP); the mapping m1 reads d0, d2
        // and d4; nothing reads the empty path's d5.
        #expect(index.candidates(within: [paths[0]]).map(\.message) == ["d0", "d1", "d4"])
        #expect(index.candidates(within: [paths[2]]).map(\.message) == ["d0", "d2", "d4"])
        #expect(index.candidates(within: [ObjectPath()]).isEmpty)
    }

    @Test("a note on a node's reusable definition, outside the mapping, reaches the node through its candidates")
    func definitionsAreCandidates() {
        func path(_ parts: [(String, String)]) -> ObjectPath { ObjectPath(parts.map { .init($0.0, $0.1) }) }
        let mapping = path([("FOLDER", "F"), ("MAPPING", "m")])
        let definition = path([("FOLDER", "F"), ("TRANSFORMATION", "EXP_SHARED")])
        let node = Node(
            id: "EXP_1", op: .opaque(OpaqueSpec(vendorType: "Expression", reason: "test")), ports: [],
            provenance: Provenance(
                path: mapping.appending("INSTANCE", "EXP_1"), location: SourceLocation(file: "f.xml")),
            definition: Provenance(path: definition, location: SourceLocation(file: "f.xml")))
        let pipeline = Pipeline(
            name: "m", origin: Origin(tool: "PowerCenter", file: "f.xml", path: mapping), nodes: [node],
            provenance: Provenance(path: mapping, location: SourceLocation(file: "f.xml")))
        let diagnostics = [
            Diagnostic(
                code: "T0001", severity: .warning, message: "on the definition",
                location: SourceLocation(file: "f.xml"),
                path: definition.appending("PORT", "A")),
            Diagnostic(
                code: "T0002", severity: .warning, message: "elsewhere", location: SourceLocation(file: "f.xml"),
                path: path([("FOLDER", "F"), ("MAPPING", "other")])),
        ]
        var fromAll = pipeline
        fromAll.attachNotes(from: diagnostics)
        var fromCandidates = pipeline
        fromCandidates.attachNotes(from: DiagnosticIndex(diagnostics).candidates(within: pipeline.notePaths))
        #expect(fromAll.nodes[0].notes.map { $0.message } == ["on the definition"])
        #expect(fromCandidates == fromAll)
    }
}
