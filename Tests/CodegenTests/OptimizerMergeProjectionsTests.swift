import IR
import Testing

@testable import Codegen

/// merge-projections on pipelines built by hand; the merged ports were worked out from the pass's
/// rules (G13: inputs, variables, outputs), not printed by the pass.
@Suite struct OptimizerMergeProjectionsTests {
    typealias T = OptimizerTests
    static let decimal = DataType.decimal(precision: 10, scale: 2)

    /// SRC → EXP1 (A, B passed on; o_C = A * 2) → EXP2 (A, B passed on; reads o_C; o_D = o_C + 1)
    /// → T (A, B, D).
    static func pipeline(first extra: [Port] = [], secondInput: Port? = nil, alsoReadsFirst: Bool = false) -> Pipeline {
        let first = T.project("EXP1", from: "SRC", extra: [T.port("o_C", T.int, .output, "A * 2")] + extra)
        let second = T.project(
            "EXP2", from: "EXP1",
            extra: [
                secondInput ?? T.port("o_C", T.int, .input, from: "EXP1.o_C"),
                T.port("o_D", T.int, .output, "o_C + 1"),
            ])
        var pipeline = T.pipeline([first, second], last: "EXP2")
        let target = pipeline.nodes.count - 1
        pipeline.nodes[target].ports.append(T.port("D", T.int, .input, from: "EXP2.o_D"))
        if alsoReadsFirst { pipeline.nodes[target].ports.append(T.port("E", T.int, .input, from: "EXP1.o_C")) }
        return pipeline
    }

    @Test("the first node's output becomes a variable read by the second node's output; the target reads the merge")
    func merges() {
        var notes: [Diagnostic] = []
        let result = MergeProjections().run(Self.pipeline(), notes: &notes)
        #expect(PipelineVerifier.verify(result).filter { $0.severity == .error }.isEmpty)
        #expect(result.nodes.map(\.id) == ["SRC", "EXP1", "T"])
        let merged = result.nodes[1]
        #expect(merged.ports.map(\.name) == ["A", "B", "o_C", "o_D"])
        #expect(merged.ports.map(\.roles) == [[.input, .output], [.input, .output], .variable, .output])
        #expect(merged.ports.map { $0.expression?.text } == [nil, nil, "A * 2", "o_C + 1"])
        #expect(result.nodes[2].ports.map { $0.source?.description } == ["EXP1.A", "EXP1.B", "EXP1.o_D"])
        #expect(notes.map(\.message) == ["merge-projections: merged expression 'EXP2' into 'EXP1'"])
    }

    @Test("no merge when the first is read elsewhere, has a variable or a defaulted output, or the input differs")
    func noMerge() {
        let variable = T.port("v", T.int, .variable, "A")
        var defaulted = T.port("o_X", T.int, .output, "A + 1")
        defaulted.defaultValue = ScalarExpression("0")
        var inputDefault = T.port("o_C", T.int, .input, from: "EXP1.o_C")
        inputDefault.defaultValue = ScalarExpression("0")
        let retyped = T.port("o_C", Self.decimal, .input, from: "EXP1.o_C")
        let renamed = T.port("C", T.int, .input, from: "EXP1.o_C")
        let cases: [(String, Pipeline)] = [
            ("read elsewhere", Self.pipeline(alsoReadsFirst: true)),
            ("variable", Self.pipeline(first: [variable])),
            ("defaulted output", Self.pipeline(first: [defaulted])),
            ("input default", Self.pipeline(secondInput: inputDefault)),
            ("retyped input", Self.pipeline(secondInput: retyped)),
            ("renamed input", Self.pipeline(secondInput: renamed)),
        ]
        for (label, pipeline) in cases {
            var notes: [Diagnostic] = []
            #expect(MergeProjections().run(pipeline, notes: &notes) == pipeline, "\(label)")
        }
    }
}
