import IR

extension SQLPipelineBuilder {
    /// An expression of `node` parsed and type checked in the node's environment, located at
    /// `provenance`; refuses when it has errors. Typed once per node, text and result type (the
    /// pipeline's analysis keeps it for every target and dialect).
    func typed(
        _ text: String, of node: Node, at provenance: Provenance, resultType: DataType? = nil
    ) throws(SQLPushdownRefusal) -> (expression: Expr, source: ExpressionSource) {
        let source = ExpressionSource(text, path: provenance.path, location: provenance.location)
        if let known = context.analysis.knownTyped(text, of: node, resultType: resultType) { return (known, source) }
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        let environment = context.analysis.environment(of: node)
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: environment, source: source, portType: resultType)
        if let error = (parseDiagnostics + typeDiagnostics).first(where: { $0.severity == .error }) {
            throw refusal(
                SQLPipelineDiagnostics.invalidExpression, node,
                "expression '\(text)' of '\(node.id)' has errors: \(error.message)",
                fix: "correct the expression (\(error.code))", location: error.location, path: provenance.path,
                notes: error.notes)
        }
        context.analysis.record(typed, for: text, of: node, resultType: resultType)
        return (typed, source)
    }

    /// `expression` as a SQL value (`condition`: as a predicate, NULL false), ports read through
    /// `columns`; refuses with the lowering's reason, located in the expression.
    func lowered(
        _ expression: Expr, _ source: ExpressionSource, columns: [String: SQLExpression], of node: Node,
        condition: Bool = false
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        let lowering = SQLExpressionLowering(dialect, options: context.lowering.options)
        let result =
            condition
            ? lowering.lowerCondition(expression, columns: columns) : lowering.lower(expression, columns: columns)
        switch result {
        case .success(let value): return value
        case .failure(let failure):
            let place = source.place(of: failure.range.start)
            throw refusal(
                SQLPipelineDiagnostics.expressionNotLowered, node,
                "expression '\(source.text)' of '\(node.id)' is not lowered to \(dialect.name): \(failure.reason)",
                fix: "keep this path in the runtime, or rewrite the expression with functions the dialect computes "
                    + "exactly", location: place.location, path: source.path, notes: place.notes)
        }
    }

    /// The SQL value of each port of `ports` by upper-case name: the column of its source in
    /// `input`, a NULL of the port's type when it is not connected (an untyped NULL is text to
    /// PostgreSQL, so `SUM(NULL)` has no single function, and int to SQL Server).
    func columns(of ports: [Port], in input: SQLRelation, alias: String? = nil) -> [String: SQLExpression] {
        var result: [String: SQLExpression] = [:]
        for port in ports where result[port.name.uppercased()] == nil {
            result[port.name.uppercased()] =
                port.source.flatMap { input.column($0, alias: alias) } ?? .cast(.literal(.null), SQLType(port.type))
        }
        return result
    }

    /// Whether values of `from` passed on unconverted into a port of `to` differ from its values
    /// only in precision: strings, and decimals of one scale, are compared and computed with alike,
    /// whatever their lengths (the values are what they are).
    static func differsInPrecisionOnly(_ from: DataType, _ to: DataType) -> Bool {
        switch (from, to) {
        case _ where from.isString && to.isString: true
        case (.decimal(_, let s1), .decimal(_, let s2)): s1 == s2
        default: false
        }
    }

    /// `values` (by upper-case port name) each converted to its input port's type, as the runtime
    /// converts a value a transformation receives (``fit(_:from:to:_:_:)``, which refuses what SQL
    /// does not convert exactly); returns the names of the values that changed.
    @discardableResult
    func convertInputs(_ values: inout [String: SQLExpression], _ inputs: [Port], of node: Node)
        throws(SQLPushdownRefusal) -> Set<String>
    {
        var converted: Set<String> = []
        guard context.analysis.receivesOtherTypes(node) else { return converted }
        for port in inputs {
            let name = port.name.uppercased()
            guard let ref = port.source, let from = sourceType(ref), from != port.type, let value = values[name]
            else { continue }
            let fitted = try fit(value, from: from, to: port.type, node, port)
            if fitted != value { converted.insert(name) }
            values[name] = fitted
        }
        return converted
    }

    /// `value` of type `from` as the runtime stores it in a port of type `to`: unchanged where
    /// every value fits, cut to the precision for strings, cast to a double where every value
    /// converts exactly, an integer's digits as text; refuses conversions that round, overflow or
    /// change representation (``fitting(from:to:_:)`` decides which, without the dialect).
    func fit(
        _ value: SQLExpression, from: DataType, to: DataType, _ node: Node, _ port: Port
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        func cut(_ text: SQLExpression, _ limit: Int) -> SQLExpression {
            .function(
                name: dialect.substringFunction,
                arguments: [text, .literal(.integer(1)), .literal(.integer(Int64(limit)))])
        }
        switch fitting(from: from, to: to, node) {
        case .unchanged: return value
        case .cut(let limit): return cut(value, limit)
        case .digits(let whole, let limit):
            // An integer's text is its decimal digits in the runtime and in the dialect's
            // (``SQLDialect/wholeNumberText(_:)``, as `||` and `TO_CHAR` lower it), cut to the
            // port's precision like any string. A whole decimal of at most 15 digits is written as
            // that integer (the runtime's text of its double or decimal), cast first so that no
            // dialect writes a fraction or an exponent.
            guard let text = dialect.wholeNumberText(whole ? .cast(value, .bigint) : value) else {
                throw conversionRefusal(from: from, to: to, node, port)
            }
            return limit.map { cut(text, $0) } ?? text
        case .cast(let type): return .cast(value, type)
        case .refused: throw conversionRefusal(from: from, to: to, node, port)
        }
    }

    /// Refuses, as ``fit(_:from:to:_:_:)`` does, a value of type `from` in `port` of type `to`
    /// that SQL does not convert as the runtime; builds no SQL.
    func checkConverts(from: DataType, to: DataType, _ node: Node, _ port: Port) throws(SQLPushdownRefusal) {
        if fitting(from: from, to: to, node) == .refused { throw conversionRefusal(from: from, to: to, node, port) }
    }

    /// The refusal of a conversion from `from` to `to` in `port` of `node` (CG2008).
    func conversionRefusal(from: DataType, to: DataType, _ node: Node, _ port: Port) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.portConversion, node,
            "port '\(port.name)' of '\(node.id)' converts \(from.canonicalName) to \(to.canonicalName), "
                + "which SQL does not do exactly as the runtime", fix: "keep this path in the runtime",
            location: port.provenance.location, path: port.provenance.path)
    }

    /// How ``fit(_:from:to:_:_:)`` converts a value of type `from` in a port of type `to` of
    /// `node`; no dialect changes it.
    func fitting(from: DataType, to: DataType, _ node: Node) -> SQLFitting {
        if from == to { return .unchanged }
        if passesWideDecimal(from: from, to: to, node) { return .unchanged }
        if from.isString, to.isString {
            let limit = Self.precision(of: to)
            guard limit > 0, Self.precision(of: from) == 0 || Self.precision(of: from) > limit else {
                return .unchanged
            }
            return .cut(limit)
        }
        if let a = Self.integerDigits(from), let b = Self.integerDigits(to), a <= b { return .unchanged }
        if let width = Self.textWidth(from), to.isString {
            let limit = Self.precision(of: to)
            return .digits(whole: Self.integerDigits(from) == nil, limit: limit > 0 && limit < width ? limit : nil)
        }
        switch (from, to) {
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)) where s1 <= s2 && p1 - s1 <= p2 - s2:
            return .unchanged
        case (.integer, .decimal(let p, let s)) where p - s >= 10: return .unchanged
        case (.smallInteger, .decimal(let p, let s)) where p - s >= 5: return .unchanged
        case (.bigInteger, .decimal(let p, let s)) where p - s >= 19: return .unchanged
        case (.real, .double), (.double, .double), (.real, .real): return .unchanged
        // Whole numbers of at most 15 digits (below 2^53) are doubles exactly: the runtime's
        // nearest double and every dialect's CAST to its IEEE double agree. With a scale, or more
        // digits, a dialect's conversion may round otherwise (SQLite's text to REAL).
        case (.decimal(let p, 0), .double) where p <= 15: return .cast(.double)
        case (.integer, .double), (.smallInteger, .double): return .cast(.double)
        // Every whole decimal of these digits fits the integer type, so the cast only retypes it.
        case (.decimal(let p, 0), .smallInteger) where p <= 4: return .cast(.smallint)
        case (.decimal(let p, 0), .integer) where p <= 9: return .cast(.integer)
        case (.decimal(let p, 0), .bigInteger) where p <= 18: return .cast(.bigint)
        case (.dateTime, .dateTime): return .unchanged
        default: return .refused
        }
    }

    /// A transformation that passes the values it receives on unconverted (all but source
    /// qualifiers, Expressions and Aggregators) but reads some of them in a condition, typed by
    /// their ports: refuses a port read there whose values are of a type SQL would convert to the
    /// port's (an integer into a string port, a decimal into an integer port), since the lowered
    /// condition would read them as the port's type; a longer string or a wider decimal of the
    /// port's scale is read alike. Joiners and lookups compare their keys' values by the values'
    /// own types instead.
    func checkPassedValueTypes(_ node: Node) throws(SQLPushdownRefusal) {
        switch node.op {
        case .source, .sourceQuery, .project, .aggregate, .target, .join, .lookup: return
        default: break
        }
        guard context.analysis.receivesOtherTypes(node) else { return }
        var read: Set<String>?
        for port in node.ports where port.roles.contains(.input) {
            guard let ref = port.source, let from = sourceType(ref), from != port.type else { continue }
            if read == nil { read = Self.namesRead(by: node.op) }
            guard read?.contains(port.name.uppercased()) == true else { continue }
            if Self.differsInPrecisionOnly(from, port.type) { continue }
            switch fitting(from: from, to: port.type, node) {
            case .unchanged: continue
            case .refused: throw conversionRefusal(from: from, to: port.type, node, port)
            case .cut, .digits, .cast: break
            }
            throw refusal(
                SQLPipelineDiagnostics.portConversion, node,
                "'\(node.id)' passes \(from.canonicalName) values on to \(port.type.canonicalName) port '\(port.name)' "
                    + "unconverted, as the runtime does, and reads the port in a condition; SQL would read them "
                    + "as \(port.type.canonicalName)",
                fix: "give the port the type of the values it receives, or keep this path in the runtime",
                location: port.provenance.location, path: port.provenance.path)
        }
    }

    /// Without high precision the type checker types a reference to a decimal port of more than
    /// 15 digits as a double (reference §3.3); a transformation that only passes values on (a
    /// Router's output port) keeps the value the runtime keeps, unconverted. Expressions and
    /// Aggregators, which do convert, never get here with such a port
    /// (``checkLowPrecisionDecimals(_:)``).
    func passesWideDecimal(from: DataType, to: DataType, _ node: Node) -> Bool {
        guard !context.lowering.options.highPrecision, from == .double, Self.isWideDecimal(to) else { return false }
        switch node.op {
        case .project, .aggregate: return false
        default: return true
        }
    }

    /// A string type's precision (0: unbounded).
    static func precision(of type: DataType) -> Int {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p): p
        default: 0
        }
    }

    /// The longest text of a value of `type` written as an integer (its digits and sign): the
    /// integer types, and whole decimals of at most 15 digits; nil for any other type.
    static func textWidth(_ type: DataType) -> Int? {
        switch type {
        case .smallInteger: 6
        case .integer: 11
        case .bigInteger: 20
        case .decimal(let p, 0) where p >= 1 && p <= 15: p + 1
        default: nil
        }
    }

    /// An integer type's width, to compare them.
    static func integerDigits(_ type: DataType) -> Int? {
        switch type {
        case .smallInteger: 16
        case .integer: 32
        case .bigInteger: 64
        default: nil
        }
    }
}

/// How a value is converted into a port of another type (``SQLPipelineBuilder/fitting(from:to:_:)``).
enum SQLFitting: Hashable {
    /// Every value is kept as it is.
    case unchanged
    /// Strings are cut to this many characters.
    case cut(Int)
    /// An integer, or a whole decimal (`whole`, cast to an integer first), written as its digits,
    /// cut to `limit` characters when given.
    case digits(whole: Bool, limit: Int?)
    /// Cast to this type, which holds every value exactly.
    case cast(SQLType)
    /// Not converted in SQL as the runtime does.
    case refused
}
