extension TypeCheckPass {
    /// The workflow status names a workflow condition may compare `$task.Status` with.
    static let statusNames: Set<String> = ["SUCCEEDED", "FAILED", "ABORTED", "STOPPED", "DISABLED", "NOTSTARTED"]

    /// The predefined task variables and their types (reference §6.1; names BELIEVED).
    static let taskAttributes: [String: DataType] = [
        "STATUS": .integer, "PREVTASKSTATUS": .integer, "STARTTIME": CatalogTypes.date,
        "ENDTIME": CatalogTypes.date, "ERRORCODE": .integer, "ERRORMSG": .string(precision: 1024),
        "SRCSUCCESSROWS": .bigInteger, "SRCFAILEDROWS": .bigInteger, "TGTSUCCESSROWS": .bigInteger,
        "TGTFAILEDROWS": .bigInteger, "TOTALTRANSERRORS": .bigInteger, "FIRSTERRORCODE": .integer,
        "FIRSTERRORMSG": .string(precision: 1024), "CONDITION": .integer,
    ]

    /// The type of a port name (or, in a workflow condition, a status name).
    mutating func referenceType(_ name: String, at range: TextRange) -> DataType? {
        let upper = name.uppercased()
        if environment.isWorkflowCondition, Self.statusNames.contains(upper) { return .integer }
        if insideStoredProcedure, upper == "PROC_RESULT" { return nil }
        if let type = environment.portType(name) {
            return TypeRules.effective(type, highPrecision: environment.highPrecision)
        }
        let fix =
            environment.isWorkflowCondition
            ? "use a task variable such as '$task.Status' or a status name such as 'SUCCEEDED'"
            : "correct the name or add the port to the transformation"
        report(TypeDiagnostics.unknownPort, "'\(name)' is not a port of this transformation", at: range, fix: fix)
        return nil
    }

    /// The type of a `$$` parameter/variable or a `$` session parameter.
    mutating func parameterType(_ name: String, at range: TextRange) -> DataType? {
        if let type = environment.parameterType(name) {
            return TypeRules.effective(type, highPrecision: environment.highPrecision)
        }
        guard name.contains("$$") else { return .string(precision: 256) }
        report(
            TypeDiagnostics.unknownParameter, "'\(name)' is not a declared mapping parameter or variable",
            at: range, fix: "declare '\(name)' in the mapping or correct its name")
        return nil
    }

    /// The type of `$task.Attribute`; only allowed in a workflow condition.
    mutating func taskVariableType(task: String, attribute: String, at range: TextRange) -> DataType? {
        guard environment.isWorkflowCondition else {
            report(
                TypeDiagnostics.invalidTaskVariable,
                "task variable '$\(task).\(attribute)' is only allowed in a workflow condition", at: range,
                fix: "use a port or a mapping parameter here")
            return nil
        }
        guard environment.hasTask(task) else {
            report(
                TypeDiagnostics.invalidTaskVariable, "'\(task)' is not a task of this workflow", at: range,
                fix: "correct the task name")
            return nil
        }
        guard let type = Self.taskAttributes[attribute.uppercased()] else {
            report(
                TypeDiagnostics.invalidTaskVariable, "'\(attribute)' is not a task variable", at: range,
                fix: "use Status, PrevTaskStatus, StartTime, EndTime, ErrorCode, ErrorMsg or a session row count")
            return nil
        }
        return type
    }

    /// Types a `:LKP.`, `:UDF.`, `:SP.` or `:MCR.` call.
    mutating func checkExternal(
        _ kind: ExternalCallKind, _ name: String, _ arguments: [Expr], in expression: Expr
    ) -> Expr {
        let wasInside = insideStoredProcedure
        insideStoredProcedure = kind == .storedProcedure
        let typedArguments = arguments.map { check($0) }
        insideStoredProcedure = wasInside
        var typed = Expr(.external(kind, name: name, arguments: typedArguments), range: expression.range)
        switch kind {
        case .lookup:
            guard let signature = environment.lookup(name) else {
                if environment.isLookupWithoutReturn(name) {
                    report(
                        TypeDiagnostics.lookupWithoutReturn,
                        "unconnected lookup ':LKP.\(name)' has no port flagged RETURN, so the call has no value",
                        at: expression.range, fix: "flag the lookup port to return as RETURN in the lookup")
                    return typed
                }
                report(
                    TypeDiagnostics.unknownLookup, "':LKP.\(name)' is not an unconnected lookup of this mapping",
                    at: expression.range, fix: "correct the lookup name or add the unconnected lookup")
                return typed
            }
            checkCallable(signature, "lookup ':LKP.\(name)'", typedArguments, in: expression)
            typed.type = signature.returnType
        case .userFunction:
            guard let signature = environment.userFunction(name) else {
                report(
                    TypeDiagnostics.unknownUserFunction, "':UDF.\(name)' is not a user-defined function",
                    at: expression.range, fix: "correct the function name or import the user-defined function")
                return typed
            }
            checkCallable(signature, "user-defined function ':UDF.\(name)'", typedArguments, in: expression)
            typed.type = signature.returnType
        case .storedProcedure, .macro:
            report(
                TypeDiagnostics.uncheckedCall,
                "':\(kind.rawValue).\(name)' is not type checked; its result type is unknown",
                at: expression.range, fix: "check the call's arguments and result by hand")
        }
        return typed
    }

    /// Checks the arguments of a lookup or user-defined function call against its signature.
    private mutating func checkCallable(
        _ signature: CallableSignature, _ what: String, _ arguments: [Expr], in expression: Expr
    ) {
        guard arguments.count == signature.argumentTypes.count else {
            report(
                TypeDiagnostics.wrongArity,
                "\(what) takes \(signature.argumentTypes.count) arguments, not \(arguments.count)",
                at: expression.range, fix: "pass \(signature.argumentTypes.count) arguments")
            return
        }
        for (index, (argument, expected)) in zip(arguments, signature.argumentTypes).enumerated() {
            guard let actual = argument.type,
                ExpressionTypeChecker.conversion(from: actual, to: expected) == .error
            else { continue }
            report(
                TypeDiagnostics.wrongArgumentType,
                "argument \(index + 1) of \(what) is '\(actual.canonicalName)', which cannot become '\(expected.canonicalName)'",
                at: argument.range, fix: "convert the argument to '\(expected.canonicalName)'")
        }
    }
}
