/// Fills in the type of every node of an expression and reports type errors (reference §3.3).
///
/// Choices where the reference is silent:
/// - a string operand in a numeric context is read as a double by its numeric prefix, with an
///   IR0170 note (none for a literal that is a whole number such as `'5'`);
/// - a date in a string context, and a string in a date context, convert silently with the
///   session date format;
/// - `NULL` and calls of ABORT/ERROR have no type; they take the type of their surroundings;
/// - undeclared `$` session parameters and `$PM` service variables are strings of 256 characters.
public enum ExpressionTypeChecker {
    /// Type checks `expression`; when `portType` is given, also checks that the result converts to
    /// that port type. Returns the expression with `type` set on every node that has one.
    public static func check(
        _ expression: Expr, in environment: TypeEnvironment, source: ExpressionSource, portType: DataType? = nil
    ) -> (typed: Expr, diagnostics: [Diagnostic]) {
        var pass = TypeCheckPass(environment: environment, source: source)
        let typed = pass.check(expression)
        if let port = portType, let result = typed.type {
            pass.checkResult(result, of: typed, convertingTo: port)
        }
        return (typed, pass.diagnostics)
    }
}

/// One run of the type checker over one expression: the environment, the text for locations, and
/// the diagnostics collected so far.
struct TypeCheckPass {
    let environment: TypeEnvironment
    let source: ExpressionSource
    /// Built on the first diagnostic (``locator``): most expressions have none.
    var builtLocator: ExpressionLocator?
    var diagnostics: [Diagnostic] = []
    /// The aggregate calls enclosing the node being checked, outermost first.
    var enclosingAggregates: [FunctionEntry] = []
    /// Whether the node is an argument of a `:SP.` call (where `PROC_RESULT` is a name).
    var insideStoredProcedure = false

    init(environment: TypeEnvironment, source: ExpressionSource) {
        self.environment = environment
        self.source = source
    }

    /// Line and column of offsets into the text, built once, when first needed.
    var locator: ExpressionLocator {
        mutating get { ExpressionLocator.reusing(&builtLocator, of: source) }
    }

    /// Records a diagnostic at a node's range, located as the parser locates its own: at the
    /// element holding the expression with an "at line L, column C of the expression" note, or at
    /// `<expression>:L:C` when the element is unknown.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, at range: TextRange, fix: String,
        notes: [String] = []
    ) {
        diagnostics.append(locator.diagnostic(descriptor, message, at: range.start, notes: notes, fix: fix))
    }

    /// Types one node and its children.
    mutating func check(_ expression: Expr) -> Expr {
        var typed = expression
        switch expression.kind {
        case .number(let text):
            typed.type = numberType(text)
        case .string(let value):
            typed.type = .string(precision: value.count)
        case .boolean, .constant:
            typed.type = .integer
        case .null, .invalid:
            typed.type = nil
        case .builtin(let name):
            typed.type = builtinType(name)
        case .reference(let name):
            typed.type = referenceType(name, at: expression.range)
        case .parameter(let name):
            typed.type = parameterType(name, at: expression.range)
        case .taskVariable(let task, let attribute):
            typed.type = taskVariableType(task: task, attribute: attribute, at: expression.range)
        case .unary(let op, let operand):
            typed = checkUnary(op, operand, in: expression)
        case .binary(let op, let left, let right):
            typed = checkBinary(op, left, right, in: expression)
        case .call(let name, let arguments):
            typed = checkCall(name, arguments, in: expression)
        case .external(let kind, let name, let arguments):
            typed = checkExternal(kind, name, arguments, in: expression)
        case .star:
            report(
                TypeDiagnostics.wrongOperandType, "'*' is only allowed as the argument of 'COUNT(*)'",
                at: expression.range, fix: "name a port instead of '*'")
        }
        return typed
    }

    /// The type of a numeric literal: integer, bigint, decimal(p,s) or (with an exponent) double.
    func numberType(_ text: String) -> DataType {
        if text.contains(where: { $0 == "e" || $0 == "E" }) { return .double }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts.first.map { $0.drop { $0 == "0" } } ?? ""
        if parts.count == 1 {
            if Int32(text) != nil { return .integer }
            if Int64(text) != nil { return .bigInteger }
        }
        let scale = parts.count > 1 ? parts[1].count : 0
        guard integerPart.count + scale <= TypeRules.maximumDecimalPrecision else { return .double }
        return TypeRules.decimal(
            integerDigits: integerPart.count, scale: scale, highPrecision: environment.highPrecision)
    }

    /// The type of `SYSDATE`, `SESSSTARTTIME`, `WORKFLOWSTARTTIME` and `$$$SessStartTime`.
    func builtinType(_ name: String) -> DataType? {
        switch name.uppercased() {
        case "SYSDATE", "SESSSTARTTIME", "WORKFLOWSTARTTIME", "SYSTIMESTAMP": CatalogTypes.date
        case "$$$SESSSTARTTIME": .string(precision: 29)
        default: nil
        }
    }

    /// Checks that the expression's result converts to the port's declared type.
    /// A port computes as its effective type (a decimal over 15 digits holds a double when high
    /// precision is off), so passing such a port through is not reported.
    mutating func checkResult(_ result: DataType, of expression: Expr, convertingTo port: DataType) {
        let effectivePort = TypeRules.effective(port, highPrecision: environment.highPrecision)
        switch ExpressionTypeChecker.conversion(from: result, to: effectivePort) {
        case .error:
            report(
                TypeDiagnostics.resultNotConvertible,
                "the result of type '\(result.canonicalName)' cannot be converted to the port type '\(port.canonicalName)'",
                at: expression.range,
                fix: "convert the result explicitly (TO_CHAR, TO_DATE, TO_INTEGER) or change the port type")
        case .narrowingWithRounding, .truncation:
            report(
                TypeDiagnostics.resultNarrowed,
                "the result of type '\(result.canonicalName)' may be truncated or rounded to the port type '\(port.canonicalName)'",
                at: expression.range, fix: "widen the port type if the full value must be kept")
        case .stringToNumberPrefix:
            noteStringToNumber(expression)
        case .exact, .widening, .stringToDate:
            break
        }
    }

    /// Reports IR0170 for a string used as a number, unless it is a literal that is a whole number.
    mutating func noteStringToNumber(_ expression: Expr) {
        if case .string(let value) = expression.kind, Double(value.trimmingSpaces()) != nil { return }
        report(
            TypeDiagnostics.stringToNumber,
            "a string is used as a number; its leading numeric prefix is read ('12ab' is 12, 'ab' is 0)",
            at: expression.range, fix: "convert explicitly with TO_DECIMAL, TO_INTEGER or TO_FLOAT")
    }
}
