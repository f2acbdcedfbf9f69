import IR

extension PipelineExpressionTyping {
    /// The diagnostics of checking every link condition, decision condition and assignment of
    /// `workflow` and its worklets.
    public static func check(_ workflow: Workflow) -> [Diagnostic] { report(workflow).diagnostics }

    /// The diagnostics and counts of checking every link condition, decision condition and
    /// assignment of `workflow` and its worklets, with the workflow's variables and task names
    /// (a worklet's conditions see its own tasks, and its variables with those of its parents).
    public static func report(_ workflow: Workflow) -> ExpressionTypingReport {
        var pass = ExpressionTypingPass()
        pass.check(workflow, outerVariables: [:])
        return pass.report
    }
}

extension ExpressionTypingPass {
    /// Checks one workflow's conditions and assignments, then its worklets'.
    mutating func check(_ workflow: Workflow, outerVariables: [String: DataType]) {
        var variables = outerVariables
        for variable in workflow.variables { variables[variable.name.uppercased()] = variable.type }
        let environment = TypeEnvironment(
            parameters: variables, tasks: workflow.tasks.map(\.name), site: .workflow)
        for link in workflow.links {
            guard let condition = link.condition else { continue }
            check(
                condition.text, .linkCondition, in: environment, path: link.provenance.path,
                location: link.provenance.location)
        }
        for task in workflow.tasks {
            let path = task.provenance.path
            let location = task.provenance.location
            switch task.kind {
            case .decision(let condition?):
                check(condition.text, .decisionCondition, in: environment, path: path, location: location)
            case .assignment(let assignments):
                for assignment in assignments {
                    check(
                        assignment.value, .assignment, in: environment, path: path, location: location,
                        resultType: environment.parameterType(assignment.name))
                }
            case .worklet(let inner):
                check(inner, outerVariables: variables)
            default:
                break
            }
        }
    }
}
