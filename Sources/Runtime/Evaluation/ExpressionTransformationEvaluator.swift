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
    /// The output steps flattened for the row loop: a slot to pass through (`computed < 0`) or an index
    /// into ``computedOutputs``; plain integers, so reading a step copies nothing reference-counted.
    let outputPlan: [(slot: Int, computed: Int)]
    /// The computed output ports with their defaults, in output order.
    let computedOutputs: [ComputeStep]
    let computedDefaults: [PortDefault?]
    let settings: EvaluationSettings
    /// Every port's current value by slot; variables keep theirs between rows.
    var row: [Value]

    init(
        inputNames: [String], outputNames: [String], inputs: [InputStep], variables: [ComputeStep],
        outputs: [OutputStep], settings: EvaluationSettings, row: [Value]
    ) {
        self.inputNames = inputNames
        self.outputNames = outputNames
        self.inputs = inputs
        self.variables = variables
        self.settings = settings
        self.row = row
        var plan: [(slot: Int, computed: Int)] = []
        var computed: [ComputeStep] = []
        var defaults: [PortDefault?] = []
        for step in outputs {
            switch step {
            case .passThrough(let slot): plan.append((slot, -1))
            case .computed(let compute, let fallback):
                plan.append((compute.slot, computed.count))
                computed.append(compute)
                defaults.append(fallback)
            }
        }
        self.outputPlan = plan
        self.computedOutputs = computed
        self.computedDefaults = defaults
    }

    /// Computes one row from the input values; returns the output values or throws the row's error.
    public mutating func evaluate(_ inputValues: [Value], state: inout EvaluationState) throws(RowError) -> [Value] {
        // The row is moved out of `self` for the call (and back on every exit), so that the steps
        // are read in place: with `self.row` passed `inout`, reading a step of `self` would copy it.
        var row: [Value] = []
        swap(&row, &self.row)
        defer { swap(&row, &self.row) }
        return try evaluate(inputValues, row: &row, state: &state)
    }

    /// The steps are read through buffer pointers: an array subscript would copy each step (its
    /// name, type and closure) for every row.
    private func evaluate(_ inputValues: [Value], row: inout [Value], state: inout EvaluationState) throws(RowError)
        -> [Value]
    {
        let settings = self.settings
        try inputs.withUnsafeBufferPointer { (steps) throws(RowError) in
            for index in 0..<min(steps.count, inputValues.count) {
                row[steps[index].slot] = try steps[index].receive(inputValues[index], settings)
            }
        }
        try variables.withUnsafeBufferPointer { (steps) throws(RowError) in
            for index in steps.indices {
                row[steps[index].slot] = try steps[index].compute(&row, &state, settings)
            }
        }
        return try computedOutputs.withUnsafeBufferPointer { (steps) throws(RowError) in
            try outputs(steps, &row, &state, settings)
        }
    }

    /// The output values in output order, computed ones stored in the row too; a failing computed
    /// port takes its constant default, if it has one.
    private func outputs(
        _ steps: UnsafeBufferPointer<ComputeStep>, _ row: inout [Value], _ state: inout EvaluationState,
        _ settings: EvaluationSettings
    ) throws(RowError) -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(outputPlan.count)
        for (slot, computed) in outputPlan {
            guard computed >= 0 else {
                result.append(row[slot])
                continue
            }
            do throws(RowError) {
                let value = try steps[computed].compute(&row, &state, settings)
                row[slot] = value
                result.append(value)
            } catch {
                guard !error.isAbort, case .value(let constant)? = computedDefaults[computed] else { throw error }
                row[slot] = constant
                result.append(constant)
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

/// A variable or output port computed by an expression. A class: the row loop calls it with the
/// row `inout`, and a struct step would be copied field by field for every call.
final class ComputeStep: Sendable {
    let slot: Int
    let name: String
    let type: DataType
    let expression: CompiledExpression

    init(slot: Int, name: String, type: DataType, expression: CompiledExpression) {
        self.slot = slot
        self.name = name
        self.type = type
        self.expression = expression
    }

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
