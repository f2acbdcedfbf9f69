import Testing

@testable import IR

/// `PipelineVerifier.verify(_:changedFrom:)`: the verification of a changed pipeline that checks
/// only what the change can affect must find what the full verification finds.
@Suite struct VerifierChangeTests {
    /// The codes of both verifications of `changed` (made from the well-formed `Sample.linear()`).
    func codes(_ changed: Pipeline) -> (full: [String], incremental: [String]) {
        let previous = Sample.linear()
        #expect(previous.verify().isEmpty)
        return (
            changed.verify().map(\.code.rawValue),
            PipelineVerifier.verify(changed, changedFrom: previous).map(\.code.rawValue)
        )
    }

    @Test func unchangedAndHarmlessChangesAreClean() {
        #expect(codes(Sample.linear()) == ([], []))
        var renamedCondition = Sample.linear()
        renamedCondition.nodes[1].op = .filter(FilterSpec(condition: ScalarExpression("A > 1")))
        #expect(codes(renamedCondition) == ([], []))
        var removedPassThrough = Sample.linear()
        removedPassThrough.nodes[1].ports.append(Sample.port("B", .integer, .output))
        #expect(codes(removedPassThrough) == ([], []))
    }

    @Test func aPortRemovedUpstreamIsFoundAtTheUnchangedReader() {
        // FIL loses its output role: TGT, unchanged, now reads a port that is not an output.
        var changed = Sample.linear()
        changed.nodes[1].ports[0].roles = .input
        #expect(codes(changed) == (["IR0004"], ["IR0004"]))
    }

    @Test func aRemovedNodeIsFoundAtItsReaderAndInTheLoadOrder() {
        var previous = Sample.linear()
        previous.targetLoadOrder = ["TGT"]
        var changed = previous
        changed.nodes.remove(at: 1)
        changed.targetLoadOrder = ["FIL"]
        #expect(changed.verify().map(\.code.rawValue) == ["IR0003", "IR0009"])
        #expect(
            PipelineVerifier.verify(changed, changedFrom: previous).map(\.code.rawValue) == ["IR0003", "IR0009"])
    }

    @Test func aNewEdgeThatClosesACycleIsFound() {
        var changed = Sample.linear()
        changed.nodes[1].ports.append(Sample.port("B", .integer, .input, from: PortRef(node: "TGT", port: "A")))
        changed.nodes[2].ports[0].roles = [.input, .output]
        #expect(codes(changed) == (["IR0005"], ["IR0005"]))
    }

    @Test func addedNodesAndRepeatedIdsAreFound() {
        var repeated = Sample.linear()
        repeated.nodes.append(repeated.nodes[0])
        #expect(codes(repeated) == (["IR0001"], ["IR0001"]))
        var added = Sample.linear()
        added.nodes.append(
            Node(
                id: "EXTRA", op: .target(TargetSpec(table: "T3")),
                ports: [Sample.port("A", .integer, .input, from: PortRef(node: "FIL", port: "Z"))],
                provenance: Sample.provenance("INSTANCE", "EXTRA", line: 40)))
        #expect(codes(added) == (["IR0004"], ["IR0004"]))
    }

    @Test func aTypeChangedUpstreamIsFoundDownstream() {
        var changed = Sample.linear()
        changed.nodes[1].ports[0].type = .dateTime(precision: 29, scale: 9)
        changed.nodes[0].ports[0].type = .dateTime(precision: 29, scale: 9)
        #expect(codes(changed) == (["IR0007"], ["IR0007"]))
    }

    /// `PipelineVerifier.errors(in:changedFrom:)` where the pipeline before the change has a
    /// warning (SRC's date feeds FIL's integer, IR0007): the errors are those of the full
    /// verification, the warning left out, whether the change is harmless or breaks an unchanged
    /// reader.
    @Test func errorsAfterAChangeToAPipelineWithAWarning() {
        var previous = Sample.linear()
        previous.nodes[0].ports[0].type = .dateTime(precision: 29, scale: 9)
        #expect(previous.verify().map(\.code.rawValue) == ["IR0007"])
        func codes(_ changed: Pipeline) -> (full: [String], errors: [String]) {
            (
                changed.verify().filter { $0.severity == .error }.map(\.code.rawValue),
                PipelineVerifier.errors(in: changed, changedFrom: previous).map(\.code.rawValue)
            )
        }
        var harmless = previous
        harmless.nodes[1].op = .filter(FilterSpec(condition: ScalarExpression("A IS NOT NULL")))
        #expect(harmless.verify().map(\.code.rawValue) == ["IR0007"])
        #expect(codes(harmless) == ([], []))
        var notAnOutput = previous
        notAnOutput.nodes[1].ports[0].roles = .input
        #expect(codes(notAnOutput) == (["IR0004"], ["IR0004"]))
        var removed = previous
        removed.nodes.remove(at: 1)
        #expect(codes(removed) == (["IR0003"], ["IR0003"]))
    }
}
