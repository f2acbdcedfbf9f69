import ArgumentParser
import Foundation
import IR
import Runtime

/// `migrate expr`: evaluates one PowerCenter expression with the native evaluator and prints its
/// canonical form, its type and its value (or row error) per row.
struct ExprCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Evaluate a PowerCenter expression: canonical form, type and value (or row error).",
        discussion: """
            TYPE is a datatype such as string, string(10), integer, bigint, decimal(12,2), double, \
            date/time; string, nstring, text, ntext and binary without a precision hold 65535 \
            characters, decimal without one is decimal(28,10). A VALUE is converted as PowerCenter \
            converts a string port linked to a port of TYPE ('18e-3' is 18 in an integer port); dates \
            are YYYY-MM-DD[ HH:MM:SS[.fffffffff]] or the session format MM/DD/YYYY HH24:MI:SS.US. \
            NULL, or nothing after '=', is NULL; a value in single quotes is taken literally ('' is the \
            empty string, 'NULL' the word). A --param without :TYPE takes its type from its value; a \
            name without '$' means '$$NAME'. $$ parameters are mapping variables: SETVARIABLE updates \
            them for later rows. --rows reads a CSV file whose header names the ports; an unquoted \
            empty field or NULL is NULL; columns not declared with --port are string ports. Rows are \
            evaluated in order and share variable ports and mapping variables. Put -- before an \
            expression that starts with '-'. Exit codes: 0 evaluated (a row error is a result, not a \
            failure); 1 the expression does not parse or type check; 2 a usage or input error.
            """
    )

    @Argument(help: "The expression, e.g. \"TO_INTEGER('15.6789')\".")
    var expression: String

    @Option(name: .customLong("port"), help: ArgumentHelp("An input port and its value.", valueName: "NAME:TYPE=VALUE"))
    var ports: [String] = []

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("A variable port computed before the expression on every row.", valueName: "NAME:TYPE=EXPR"))
    var variables: [String] = []

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A mapping parameter or variable and its value.", valueName: "NAME[:TYPE]=VALUE"))
    var parameters: [String] = []

    @Option(name: .long, help: ArgumentHelp("A CSV file of rows, with a header row of port names.", valueName: "FILE"))
    var rows: String?

    @Flag(name: .long, help: "Print one JSON object per row: canonical, type, value, error.")
    var json = false

    @Flag(name: .customLong("high-precision"), help: "Enable high precision (decimals keep 28 digits).")
    var highPrecision = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "SYSDATE and SESSSTARTTIME (default: the current local time).", valueName: "'YYYY-MM-DD HH:MM:SS'"))
    var now: String?

    @OptionGroup var common: CommonOptions

    func run() async throws {
        var request = ExpressionRunRequest(
            expression: expression, ports: try ports.map(ExprArguments.port),
            variables: try variables.map(ExprArguments.variable),
            parameters: try parameters.map(ExprArguments.parameter),
            settings: ExpressionRunner.settings(now: try ExprArguments.now(now), highPrecision: highPrecision))
        if let rows { request.table = try readTable(rows) }
        let result = ExpressionRunner.run(request)
        common.printer.print(result.diagnostics)
        switch result.outcome {
        case .invalidInput: throw ExitCode(ExitStatus.usageOrIO)
        case .invalidExpression: throw ExitCode(ExitStatus.conversionErrors)
        case .evaluated: StandardOutput.write(render(result))
        }
    }

    /// Reads and parses the rows file; an unreadable or malformed file is printed and exits 2.
    func readTable(_ file: String) throws -> ExpressionRunnerTable {
        guard let data = FileManager.default.contents(atPath: file) else {
            common.printer.print([CLIDiagnostics.unreadable(file)])
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let (table, problems) = ExpressionRunnerTable.parse(String(decoding: data, as: UTF8.self), file: file)
        guard let table, !problems.hasErrors else {
            common.printer.print(problems)
            throw ExitCode(ExitStatus.usageOrIO)
        }
        return table
    }

    /// The output: one JSON line per row, or the canonical form, the type and one line per row.
    func render(_ result: ExpressionRunResult) -> String {
        let canonical = result.canonical ?? expression
        if json {
            return result.rows.map {
                ExpressionRunner.jsonLine(canonical: canonical, type: result.type, row: $0) + "\n"
            }.joined()
        }
        var text = canonical + "\n" + (result.type?.canonicalName ?? "(no type)") + "\n"
        for row in result.rows { text += ExpressionRunner.textLine(row) + "\n" }
        return text
    }
}

/// Parsing of the `migrate expr` option values; a malformed value is a usage error (exit 2).
enum ExprArguments {
    /// `NAME:TYPE[=VALUE]`; no `=` leaves the value NULL (or to the rows file).
    static func port(_ text: String) throws -> ExpressionRunnerPort {
        let (declaration, value) = splitAtEquals(text)
        let (name, type) = try nameAndType(declaration, option: "--port", text: text)
        guard let type else { throw ValidationError("--port '\(text)' has no type; write NAME:TYPE=VALUE") }
        return ExpressionRunnerPort(
            name: name, type: type, value: value.flatMap { ExpressionRunner.inputText(parsing: $0) })
    }

    /// `NAME:TYPE=EXPR`.
    static func variable(_ text: String) throws -> ExpressionRunnerVariable {
        let (declaration, expression) = splitAtEquals(text)
        let (name, type) = try nameAndType(declaration, option: "--var", text: text)
        guard let type, let expression, !expression.trimmingSpaces().isEmpty else {
            throw ValidationError("--var '\(text)' must be NAME:TYPE=EXPRESSION")
        }
        return ExpressionRunnerVariable(name: name, type: type, expression: expression)
    }

    /// `NAME[:TYPE]=VALUE`.
    static func parameter(_ text: String) throws -> ExpressionRunnerParameter {
        let (declaration, value) = splitAtEquals(text)
        guard let value else { throw ValidationError("--param '\(text)' has no value; write NAME=VALUE") }
        let (name, type) = try nameAndType(declaration, option: "--param", text: text)
        return ExpressionRunnerParameter(name: name, type: type, value: ExpressionRunner.inputText(parsing: value))
    }

    /// `--now`: a `YYYY-MM-DD[ HH:MM:SS[.f…]]` date, or the current local time.
    static func now(_ text: String?) throws -> DateTimeValue {
        guard let text else { return ExpressionRunner.localDateTime(Date()) }
        guard let value = ExpressionRunner.isoDateTime(text) else {
            throw ValidationError("--now '\(text)' is not a date; write 'YYYY-MM-DD HH:MM:SS'")
        }
        return value
    }

    /// The text before the first `=` and the text after it (nil without `=`).
    static func splitAtEquals(_ text: String) -> (String, String?) {
        guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// `NAME` or `NAME:TYPE`; the name must not be empty and the type must be a datatype.
    static func nameAndType(_ declaration: String, option: String, text: String) throws -> (String, DataType?) {
        let colon = declaration.firstIndex(of: ":")
        let name = String(declaration[..<(colon ?? declaration.endIndex)]).trimmingSpaces()
        guard !name.isEmpty else { throw ValidationError("\(option) '\(text)' has no name") }
        guard let colon else { return (name, nil) }
        let typeText = String(declaration[declaration.index(after: colon)...])
        guard let type = ExpressionRunner.dataType(parsing: typeText) else {
            throw ValidationError(
                "\(option) '\(text)': '\(typeText)' is not a datatype (e.g. string, integer, decimal(12,2), date/time)")
        }
        return (name, type)
    }
}
