import IR

extension FunctionLibrary {
    /// §3.4.8 variable functions (G18): they act only on insert rows; on other rows they return
    /// the variable's current value unchanged. SETCOUNTVARIABLE therefore ignores delete rows
    /// too (G18; §3.4.8 believes −1 per delete row, a CONFLICT: switch
    /// ``EvaluationSettings/setCountVariableSubtractsOnDelete``).
    static let variableFunctions: [String: FunctionSpec] = [
        "SETVARIABLE": FunctionSpec(2, 2) { r throws(CompileProblem) in
            try variableFunction(r) { current, value, _ throws(RowError) in value.isNull ? current : value }
        },
        "SETMAXVARIABLE": FunctionSpec(2, 2) { r throws(CompileProblem) in
            let settings = r.settings
            return try variableFunction(r) { current, value, _ throws(RowError) in
                if value.isNull { return current }
                if current.isNull { return value }
                return try Comparison.orderOfNonNull(value, current, settings) > 0 ? value : current
            }
        },
        "SETMINVARIABLE": FunctionSpec(2, 2) { r throws(CompileProblem) in
            let settings = r.settings
            return try variableFunction(r) { current, value, _ throws(RowError) in
                if value.isNull { return current }
                if current.isNull { return value }
                return try Comparison.orderOfNonNull(value, current, settings) < 0 ? value : current
            }
        },
        "SETCOUNTVARIABLE": FunctionSpec(1, 1) { r throws(CompileProblem) in
            let onDelete: Value? = r.settings.setCountVariableSubtractsOnDelete ? .integer(-1) : nil
            return try variableFunction(r, addedOnDelete: onDelete) { current, _, _ throws(RowError) in
                try Arithmetic.apply(.add, current.isNull ? .integer(0) : current, .integer(1), highPrecision: true)
            }
        },
    ]

    /// The stateful implementation updating the mapping variable named by argument 0 with
    /// `update(current, argument 1 or NULL, state)` on insert rows (and adding `addedOnDelete` to
    /// it on delete rows when given), returning the new current value.
    private static func variableFunction(
        _ r: FunctionRequest, addedOnDelete: Value? = nil,
        _ update: @escaping @Sendable (Value, Value, EvaluationState) throws(RowError) -> Value
    ) throws(CompileProblem) -> FunctionImpl {
        guard case .parameter(let name) = r.expression.children[0].kind,
            r.mappingVariables.contains(EvaluationState.key(name))
        else {
            throw CompileProblem(
                descriptor: EvaluationDiagnostics.notAMappingVariable,
                message: "the first argument of '\(r.name)' must be a '$$' mapping variable",
                fix: "name a mapping variable declared in the mapping, such as '$$LAST_RUN'")
        }
        let key = EvaluationState.key(name)
        return .stateful { values, state throws(RowError) in
            let current = state.mappingVariables[key] ?? .null
            if state.rowKind == .delete, let addedOnDelete {
                let updated = try Arithmetic.apply(
                    .add, current.isNull ? .integer(0) : current, addedOnDelete, highPrecision: true)
                state.mappingVariables[key] = updated
                return updated
            }
            guard state.rowKind == .insert else { return current }
            let updated = try update(current, values.count > 1 ? values[1] : .null, state)
            state.mappingVariables[key] = updated
            return updated
        }
    }
}
