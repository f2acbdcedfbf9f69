import IR
import Testing

@testable import Runtime

@Suite("Eval: expression transformation")
struct EvalTransformationTests {
    func port(
        _ name: String, _ type: DataType, _ roles: PortRoles, _ expression: String? = nil, default value: String? = nil
    )
        -> Port
    {
        Port(
            name: name, type: type, roles: roles, expression: expression.map(ScalarExpression.init),
            defaultValue: value.map(ScalarExpression.init), provenance: .synthesized)
    }

    func evaluator(_ ports: [Port]) throws -> ExpressionTransformationEvaluator {
        let node = Node(id: "EXP", op: .project(ProjectSpec()), ports: ports, provenance: .synthesized)
        let (evaluator, diagnostics) = ExpressionTransformationEvaluator.make(
            node: node, settings: EvalHarness.settings())
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        return try #require(evaluator)
    }

    @Test("case 46: a variable above the one it reads sees the previous row's value; numbers start at 0")
    func case46() throws {
        var e = try evaluator([
            port("COL", .integer, .input),
            port("v_prev", .integer, .variable, "v_cur"),
            port("v_cur", .integer, .variable, "COL"),
            port("o", .integer, .output, "v_prev"),
        ])
        var state = EvaluationState()
        var outputs: [Value] = []
        for col in [10, 20, 30] { outputs += try e.evaluate([.integer(Int64(col))], state: &state) }
        #expect(outputs == [.integer(0), .integer(10), .integer(20)])
    }

    @Test("a port whose expression is only a comment has no expression: NULL, as a blank one")
    func commentOnlyExpression() throws {
        // A public export's variable port: EXPRESSION ="--Killed all links for Alt 1 and Alt 2, 5, 6, 7, 8".
        var e = try evaluator([
            port("X", .integer, .input),
            port("v_NOTE", .string(precision: 10), .variable, "--Killed all links for Alt 1 and Alt 2, 5, 6, 7, 8"),
            port("o_note", .string(precision: 10), .output, "v_NOTE"),
            port("o_blank", .integer, .output, "  // nothing here\r\n  -- nor here"),
            port("o_x", .integer, .output, "X -- the input"),
        ])
        var state = EvaluationState()
        #expect(try e.evaluate([.integer(7)], state: &state) == [.null, .null, .integer(7)])
        #expect(ExpressionLexer.isBlank(" -- a\n// b\r\n") && !ExpressionLexer.isBlank("-- a\nX"))
    }

    @Test("case 47: v_cnt = v_cnt + 1 counts rows from 1")
    func case47() throws {
        var e = try evaluator([
            port("X", .integer, .input),
            port("v_cnt", .integer, .variable, "v_cnt + 1"),
            port("o", .integer, .output, "v_cnt"),
        ])
        var state = EvaluationState()
        var outputs: [Value] = []
        for _ in 0..<3 { outputs += try e.evaluate([.null], state: &state) }
        #expect(outputs == [.integer(1), .integer(2), .integer(3)])
    }

    @Test("string and date variables start at '' and 01/01/0001 (G12)")
    func initialValues() throws {
        var e = try evaluator([
            port("X", .integer, .input),
            port("v_s", .string(precision: 10), .variable, "v_s || 'x'"),
            port("v_d", .dateTime(precision: 29, scale: 9), .variable, "v_d"),
            port("o_s", .string(precision: 10), .output, "v_s"),
            port("o_d", .string(precision: 30), .output, "TO_CHAR(v_d, 'MM/DD/YYYY')"),
        ])
        var state = EvaluationState()
        #expect(try e.evaluate([.integer(1)], state: &state) == [.string("x"), .string("01/01/0001")])
        #expect(try e.evaluate([.integer(1)], state: &state) == [.string("xx"), .string("01/01/0001")])
    }

    @Test("an output error with a constant default uses the constant; with ERROR() the row fails")
    func outputDefaults() throws {
        var e = try evaluator([
            port("A", .integer, .input),
            port("B", .integer, .input, default: "7"),
            port("q1", .integer, .output, "A / B", default: "-1"),
            port("q2", .integer, .output, "A / B", default: "ERROR('transformation error')"),
        ])
        var state = EvaluationState()
        #expect(try e.evaluate([.integer(10), .integer(2)], state: &state) == [.integer(5), .integer(5)])
        #expect(try e.evaluate([.integer(14), .null], state: &state) == [.integer(2), .integer(2)])
        #expect(throws: RowError.self) { try e.evaluate([.integer(1), .integer(0)], state: &state) }
        do throws(RowError) {
            _ = try e.evaluate([.integer(1), .integer(0)], state: &state)
        } catch {
            #expect(error.code == EvaluationErrors.divisionByZero)
        }
    }

    @Test("an unknown port is a diagnostic, not a crash")
    func unknownPort() {
        let node = Node(
            id: "EXP", op: .project(ProjectSpec()), ports: [port("o", .integer, .output, "NOPE + 1")],
            provenance: .synthesized)
        let (evaluator, diagnostics) = ExpressionTransformationEvaluator.make(
            node: node, settings: EvalHarness.settings())
        #expect(evaluator == nil)
        #expect(diagnostics.hasErrors)
    }

    @Test("case 50: SETMAXVARIABLE leaves the variable unchanged on update rows, acts on inserts (G18)")
    func case50() throws {
        let (compiled, diagnostics) = EvalHarness.compile(
            "SETMAXVARIABLE($$MAXD, D)", ports: [("D", .integer)], mappingVariables: ["$$MAXD": .integer])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let expression = try #require(compiled)
        var state = EvaluationState(mappingVariables: ["$$MAXD": .integer(5)], rowKind: .update)
        var row: [Value] = [.integer(9)]
        #expect(try expression.evaluate(&row, state: &state) == .integer(5))
        #expect(state.mappingVariables["MAXD"] == .integer(5))
        state.rowKind = .insert
        #expect(try expression.evaluate(&row, state: &state) == .integer(9))
        row = [.null]
        #expect(try expression.evaluate(&row, state: &state) == .integer(9))
        row = [.integer(3)]
        #expect(try expression.evaluate(&row, state: &state) == .integer(9))
        #expect(state.mappingVariables["MAXD"] == .integer(9))
    }

    @Test("SETCOUNTVARIABLE and SETVARIABLE; a non-variable first argument is a diagnostic")
    func variableFunctions() throws {
        let vars: [String: DataType] = ["$$N": .integer, "$$S": .string(precision: 5)]
        let count = try #require(EvalHarness.compile("SETCOUNTVARIABLE($$N)", mappingVariables: vars).0)
        let set = try #require(EvalHarness.compile("SETVARIABLE($$S, NULL)", mappingVariables: vars).0)
        var state = EvaluationState(mappingVariables: ["S": .string("a")])
        var row: [Value] = []
        _ = try count.evaluate(&row, state: &state)
        _ = try count.evaluate(&row, state: &state)
        #expect(state.mappingVariables["N"] == .integer(2))
        #expect(try set.evaluate(&row, state: &state) == .string("a"))
        let (bad, diagnostics) = EvalHarness.compile("SETVARIABLE(X, 1)", ports: [("X", .integer)])
        #expect(bad == nil)
        #expect(diagnostics.contains { $0.code == EvaluationDiagnostics.notAMappingVariable.code })
    }
}
