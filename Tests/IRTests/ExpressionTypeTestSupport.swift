import IR

/// Builders for type-checker tests: expression nodes without a parser, and a one-call checker.
enum TypeTest {
    static let none = TextRange(start: 0, end: 0)

    static func num(_ text: String) -> Expr { Expr(.number(text), range: none) }
    static func str(_ value: String) -> Expr { Expr(.string(value), range: none) }
    static func ref(_ name: String) -> Expr { Expr(.reference(name), range: none) }
    static func par(_ name: String) -> Expr { Expr(.parameter(name), range: none) }
    static let null = Expr(.null, range: none)
    static let star = Expr(.star, range: none)
    static func call(_ name: String, _ arguments: Expr...) -> Expr {
        Expr(.call(name: name, arguments: arguments), range: none)
    }
    static func bin(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr {
        Expr(.binary(op, left, right), range: none)
    }
    static func not(_ operand: Expr) -> Expr { Expr(.unary(.not, operand), range: none) }

    /// Ports used by most tests.
    static let ports: [String: DataType] = [
        "I": .integer, "S": .smallInteger, "B": .bigInteger, "D102": .decimal(precision: 10, scale: 2),
        "D53": .decimal(precision: 5, scale: 3), "D20": .decimal(precision: 20, scale: 4), "F": .double,
        "NAME": .string(precision: 20), "CODE": .string(precision: 5), "DT": .dateTime(precision: 29, scale: 9),
        "RAW": .binary(precision: 8),
    ]

    static func environment(
        site: ExpressionSite = .expression, highPrecision: Bool = false, parameters: [String: DataType] = [:]
    ) -> TypeEnvironment {
        TypeEnvironment(
            ports: ports, parameters: parameters, site: site, highPrecision: highPrecision,
            lookupsWithoutReturn: ["LKP_NORETURN"])
    }

    /// Checks a built expression against the default environment (or `environment`).
    static func check(
        _ expression: Expr, _ environment: TypeEnvironment = environment(), text: String = "",
        port: DataType? = nil
    ) -> (typed: Expr, diagnostics: [Diagnostic]) {
        ExpressionTypeChecker.check(expression, in: environment, source: ExpressionSource(text), portType: port)
    }

    /// The result type of a built expression.
    static func type(_ expression: Expr, _ environment: TypeEnvironment = environment()) -> DataType? {
        check(expression, environment).typed.type
    }

    /// The diagnostic codes of a built expression.
    static func codes(_ expression: Expr, _ environment: TypeEnvironment = environment(), port: DataType? = nil)
        -> [String]
    {
        check(expression, environment, port: port).diagnostics.map(\.code.rawValue)
    }

    /// Parses and checks a text (the parser must report nothing).
    static func checkText(
        _ text: String, _ environment: TypeEnvironment = environment(), location: SourceLocation? = nil,
        port: DataType? = nil
    ) -> (typed: Expr, diagnostics: [Diagnostic]) {
        let source = ExpressionSource(text, path: ObjectPath().appending("PORT", "o_x"), location: location)
        let parsed = ExpressionParser.parse(source)
        precondition(parsed.diagnostics.isEmpty, "parser reported \(parsed.diagnostics)")
        return ExpressionTypeChecker.check(parsed.expression, in: environment, source: source, portType: port)
    }
}
