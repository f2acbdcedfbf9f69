import IR

/// Evaluates an Expression transformation (an IR `project` node) row by row (reference §2.2, G12,
/// G13): input ports receive values (NULL replaced by the port's default), variable ports are
/// computed top to bottom and keep their values across rows (a variable read before it is computed
/// in a row holds the previous row's value), then output ports are computed.
///
/// An output port whose expression fails takes its default value when that is a constant; with no
/// default or `ERROR(...)` the row is a row error. A failing variable port makes the row an error.
public struct ExpressionTransformationEvaluator: Sendable {
    /// The input port names, in the order ``evaluate(_:state:)`` expects their values.
    public let inputNames: [String]
    /// The output port names, in the order ``evaluate(_:state:)`` returns their values.
    public let outputNames: [String]
    let inputs: [InputStep]
    let variables: [ComputeStep]
    let outputs: [OutputStep]
    let settings: EvaluationSettings
    /// Every port's current value by slot; variables keep theirs between rows.
    var row: [Value]

    /// Computes one row from the input values; returns the output values or throws the row's error.
    public mutating func evaluate(_ inputValues: [Value], state: inout EvaluationState) throws(RowError) -> [Value] {
        for (step, value) in zip(inputs, inputValues) {
            row[step.slot] = try step.receive(value, settings)
        }
        for step in variables {
            row[step.slot] = try step.compute(&row, &state, settings)
        }
        var result: [Value] = []
        result.reserveCapacity(outputs.count)
        for step in outputs {
            switch step {
            case .passThrough(let slot): result.append(row[slot])
            case .computed(let compute, let fallback):
                do throws(RowError) {
                    let value = try compute.compute(&row, &state, settings)
                    row[compute.slot] = value
                    result.append(value)
                } catch {
                    guard !error.isAbort, case .value(let constant)? = fallback else { throw error }
                    row[compute.slot] = constant
                    result.append(constant)
                }
            }
        }
        return result
    }
}

/// A port's default value: a constant, or `ERROR(msg)`.
enum PortDefault: Sendable {
    case value(Value)
    case error(String)
}

/// An input port: its slot, type and default.
struct InputStep: Sendable {
    let slot: Int
    let name: String
    let type: DataType
    let fallback: PortDefault?

    func receive(_ value: Value, _ settings: EvaluationSettings) throws(RowError) -> Value {
        if value.isNull, let fallback {
            switch fallback {
            case .value(let constant): return constant
            case .error(let message):
                throw EvaluationErrors.error(
                    EvaluationErrors.nullInputWithErrorDefault, "port '\(name)' received NULL: \(message)")
            }
        }
        return try PortCoercion.coerce(value, to: type, settings, port: name)
    }
}

/// A variable or output port computed by an expression.
struct ComputeStep: Sendable {
    let slot: Int
    let name: String
    let type: DataType
    let expression: CompiledExpression

    func compute(_ row: inout [Value], _ state: inout EvaluationState, _ settings: EvaluationSettings) throws(RowError)
        -> Value
    {
        try PortCoercion.coerce(try expression.evaluate(&row, state: &state), to: type, settings, port: name)
    }
}

/// An output port: an input/output port passing its input through, or a computed one.
enum OutputStep: Sendable {
    case passThrough(Int)
    case computed(ComputeStep, PortDefault?)
}
