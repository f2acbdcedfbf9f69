import Foundation
import IR
import Runtime
import Testing

@testable import Codegen

/// What `lookup-to-join` builds (checked by hand against reference §2.5: Master Outer = all detail
/// rows = `left-outer`, detail = `left`), and the IR-level conditions an export cannot spell.
@Suite("lookup-to-join shape")
struct LookupToJoinShapeTests {
    /// The imported uncached "Use All Values" mapping.
    static func imported() throws -> Pipeline {
        try ExecutorHarness().pipeline(LookupToJoinCases.uncached.export)
    }

    @Test("the lookup becomes source LKP, source qualifier SQ_LKP and master outer join JNR_LKP")
    func shape() throws {
        let pipeline = try Self.imported()
        let outcome = PassManager().run(pipeline)
        let result = outcome.pipeline
        #expect(result.verify().isEmpty)
        #expect(!outcome.diagnostics.contains { $0.code == OptimizerDiagnostics.passRejected.code })
        #expect(
            outcome.diagnostics.contains {
                $0.code == OptimizerDiagnostics.rewritten.code && $0.message.contains("LKP")
            })
        let source = try #require(result.node(id: "LKP"))
        #expect(source.op == .source(SourceSpec(table: "LKT")))
        #expect(source.ports.map(\.name) == ["K", "V", "W"])
        let qualifier = try #require(result.node(id: "SQ_LKP"))
        #expect(qualifier.op == .sourceQuery(SourceQuerySpec(sources: ["LKP"])))
        #expect(qualifier.ports.map { $0.source?.description } == ["LKP.K", "LKP.V", "LKP.W"])
        let join = try #require(result.node(id: "JNR_LKP"))
        #expect(
            join.op
                == .join(JoinSpec(kind: .leftOuter, condition: ScalarExpression("K = IN_K"), nullKeysMatch: false)))
        #expect(join.ports.map(\.name) == ["ID", "IN_K", "K", "V", "W"])
        #expect(join.ports.map(\.group) == ["left", "left", "right", "right", "right"])
        #expect(
            join.ports.map { $0.source?.description } == [
                "SQ_L_IN.ID", "SQ_L_IN.K", "SQ_LKP.K", "SQ_LKP.V", "SQ_LKP.W",
            ])
        #expect(join.outputPorts.map(\.name) == ["ID", "K", "V", "W"])
        let target = try #require(result.nodes.first { $0.op.kindName == "target" })
        #expect(target.ports.map { $0.source?.description } == ["JNR_LKP.ID", "JNR_LKP.V", "JNR_LKP.W"])
    }

    @Test("two lookups are both rewritten, each note located at its own lookup")
    func twoLookups() throws {
        var pipeline = try Self.imported()
        var second = try #require(pipeline.node(id: "LKP"))
        second.id = "LKP2"
        second.provenance = Provenance(
            path: second.provenance.path, location: SourceLocation(file: "second.XML", line: 999, column: 1))
        pipeline.nodes.append(second)
        var notes: [Diagnostic] = []
        let result = LookupToJoin().run(pipeline, notes: &notes)
        #expect(result.node(id: "JNR_LKP") != nil && result.node(id: "JNR_LKP2") != nil)
        #expect(notes.count == 2)
        #expect(notes.last?.message.contains("'LKP2'") == true)
        #expect(notes.last?.location.line == 999, "\(notes.map(\.location))")
    }

    @Test("generated ids avoid the pipeline's ids")
    func uniqueIDs() {
        var used: Set<String> = ["JNR_LKP", "JNR_LKP_2"]
        #expect(LookupToJoin.unique("JNR_LKP", &used) == "JNR_LKP_3")
        #expect(LookupToJoin.unique("SQ_LKP", &used) == "SQ_LKP")
        #expect(used.contains("JNR_LKP_3") && used.contains("SQ_LKP"))
    }

    /// Changes of the imported pipeline after which the pass must not fire.
    static let changes: [(String, @Sendable (inout Pipeline) -> Void)] = [
        (
            "a lookup port with a default value",
            { p in Self.editLookup(&p) { $0.ports[3].defaultValue = ScalarExpression("'none'") } }
        ),
        ("a key pair of two type families", { p in Self.editLookup(&p) { $0.ports[1].type = .string(precision: 5) } }),
        (
            "a warning note on the lookup",
            { p in
                Self.editLookup(&p) {
                    $0.notes.append(ConversionNote(code: "IMP0001", severity: .warning, message: "w"))
                }
            }
        ),
        (
            "an attribute naming another table",
            { p in Self.editLookup(&p) { $0.attributes.append(Attribute("Lookup table name", "OTHER")) } }
        ),
        ("an input port without a source", { p in Self.editLookup(&p) { $0.ports[0].source = nil } }),
        (
            "a target writing the lookup table",
            { p in
                Self.editNode(&p, kind: "target") { node in
                    if case .target(var spec) = node.op {
                        spec.table = "lkt"
                        node.op = .target(spec)
                    }
                }
            }
        ),
        ("a cached lookup (NULL matches NULL)", { p in Self.editSpec(&p) { $0.nullKeysMatch = true } }),
        ("an unconnected lookup", { p in Self.editSpec(&p) { $0.connected = false } }),
    ]

    @Test("the pass does not fire after each change", arguments: changes.indices)
    func refusedChange(_ index: Int) throws {
        var pipeline = try Self.imported()
        Self.changes[index].1(&pipeline)
        var notes: [Diagnostic] = []
        #expect(LookupToJoin().run(pipeline, notes: &notes) == pipeline, "\(Self.changes[index].0)")
    }

    @Test("a cached lookup fires when the lookup column is declared NOT NULL")
    func cachedNotNullLookupColumn() throws {
        var pipeline = try Self.imported()
        Self.editSpec(&pipeline) { $0.nullKeysMatch = true }
        Self.editLookup(&pipeline) { $0.ports[2].nullable = false }
        var notes: [Diagnostic] = []
        #expect(LookupToJoin().run(pipeline, notes: &notes) != pipeline)
        #expect(notes.count == 1)
    }

    static func editNode(_ pipeline: inout Pipeline, kind: String, _ edit: (inout Node) -> Void) {
        guard let index = pipeline.nodes.firstIndex(where: { $0.op.kindName == kind }) else { return }
        edit(&pipeline.nodes[index])
    }

    static func editLookup(_ pipeline: inout Pipeline, _ edit: (inout Node) -> Void) {
        editNode(&pipeline, kind: "lookup", edit)
    }

    static func editSpec(_ pipeline: inout Pipeline, _ edit: (inout LookupSpec) -> Void) {
        editLookup(&pipeline) { node in
            guard case .lookup(var spec) = node.op else { return }
            edit(&spec)
            node.op = .lookup(spec)
        }
    }
}
