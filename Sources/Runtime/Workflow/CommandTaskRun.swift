import Foundation
import IR

/// Runs the commands of one command task with the shell, in order (reference §6.1).
///
/// With the task attribute "Fail task if any command fails" = YES the first command that exits
/// non-zero stops the task, which FAILS with that exit code. Without it every command runs and
/// the task takes the last command's outcome [BELIEVED, see
/// ``WorkflowRunOptions/commandTaskSucceedsUnlessLastFails``]. When commands are not allowed
/// nothing runs: a `commandNotRun` event, RT0307, and ``WorkflowRunOptions/commandsNotRunStatus``.
struct CommandTaskRun {
    let task: WorkflowTask
    let path: [String]
    let commands: [CommandSpec]

    /// The attribute that stops the task at the first failing command.
    static let failOnAnyAttribute = "Fail task if any command fails"

    /// Whether the task stops at its first failing command.
    var failsOnAnyCommand: Bool {
        task.attributes.first { $0.name.caseInsensitiveCompare(Self.failOnAnyAttribute) == .orderedSame }?.value
            .uppercased() == "YES"
    }

    /// Runs (or reports) the commands and returns the task's result.
    mutating func run(
        start: DateTimeValue, _ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner
    ) -> TaskRunResult {
        let options = context.options
        guard options.allowCommands || commands.isEmpty else { return notRun(start, &context, &runner) }
        let anyCommandFails = failsOnAnyCommand || !options.commandTaskSucceedsUnlessLastFails
        var failure: (code: Int, message: String)?
        var anyFailure: (code: Int, message: String)?
        for command in commands {
            let outcome = execute(command, shell: options.shell)
            runner.event(
                WorkflowEvent(
                    kind: .commandRan, path: path, message: "'\(command.name)' exited with \(outcome.code)",
                    time: options.time()))
            if let problem = outcome.launchError {
                context.diagnostics.append(
                    WorkflowRunDiagnostics.commandNotStarted(
                        "command '\(command.name)' of task '\(task.name)' could not be started: \(problem)",
                        at: task.provenance.location, path: task.provenance.path,
                        fix: "check the shell '\(options.shell)' exists and can be run"))
            }
            failure = outcome.code == 0 ? nil : (outcome.code, outcome.message)
            if let failure { anyFailure = anyFailure ?? failure }
            if failure != nil, failsOnAnyCommand { break }
        }
        let end = options.time()
        guard let reported = anyCommandFails ? anyFailure : failure else {
            return TaskRunResult(status: .succeeded, startTime: start, endTime: end)
        }
        return TaskRunResult(
            status: .failed, startTime: start, endTime: end, errorCode: reported.code, errorMessage: reported.message)
    }

    /// Reports that the commands were not run.
    func notRun(
        _ start: DateTimeValue, _ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner
    ) -> TaskRunResult {
        let status = context.options.commandsNotRunStatus
        let names = commands.map { "'\($0.name)'" }.joined(separator: ", ")
        runner.event(
            WorkflowEvent(
                kind: .commandNotRun, path: path, status: status,
                message: "commands \(names) were not run (commands are not allowed)", time: start))
        context.diagnostics.append(
            WorkflowRunDiagnostics.commandNotRun(
                "the commands of task '\(task.name)' were not run; its status is \(status.rawValue)",
                at: task.provenance.location, path: task.provenance.path,
                fix: "allow commands to run them, or run them outside the workflow"))
        return TaskRunResult(status: status, startTime: start, endTime: start)
    }

    /// What running one command gave: the exit code (-1 when it did not start) and the end of
    /// its output.
    struct CommandOutcome {
        var code: Int
        var message: String
        var launchError: String? = nil
    }

    /// Runs `shell -c command`, its output and error output captured together.
    func execute(_ command: CommandSpec, shell: String) -> CommandOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", command.command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return CommandOutcome(code: -1, message: "\(error)", launchError: "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output.suffix(1024), as: UTF8.self)
        let code = Int(process.terminationStatus)
        let message = code == 0 ? "" : "command '\(command.name)' exited with \(code): " + text
        return CommandOutcome(
            code: code, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
