import IR

extension FunctionLibrary {
    /// §3.4.6 special functions.
    static let specialFunctions: [String: FunctionSpec] = [
        "IIF": FunctionSpec(2, 3) { r in iif(r) },
        "DECODE": FunctionSpec(3, Int.max) { r in decode(r) },
        "CHOOSE": FunctionSpec(2, Int.max) { r in choose(r) },
        "IN": FunctionSpec(2, Int.max) { r in membership(r, position: false) },
        "INDEXOF": FunctionSpec(2, Int.max) { r in membership(r, position: true) },
        "GREATEST": FunctionSpec(1, Int.max) { r in extreme(r, greatest: true) },
        "LEAST": FunctionSpec(1, Int.max) { r in extreme(r, greatest: false) },
        "ERROR": FunctionSpec(1, 1) { r in raise(r, code: EvaluationErrors.errorCalled) },
        "ABORT": FunctionSpec(1, 1) { r in raise(r, code: EvaluationErrors.abortCalled) },
    ]

    /// IIF (G3, cases 2–3): only the chosen branch is evaluated; a NULL condition is FALSE; the
    /// else branch omitted gives the zero value of the call's type (0, '', NULL for dates) [BELIEVED;
    /// switch ``EvaluationSettings/iifOmittedElseIsZero`` gives NULL instead].
    private static func iif(_ r: FunctionRequest) -> FunctionImpl {
        let general = generalIIF(r)
        return CheckedDateConversion.iif(r, general: general) ?? CheckedDateConversion.numberIIF(r, general: general)
            ?? general
    }

    private static func generalIIF(_ r: FunctionRequest) -> FunctionImpl {
        let condition = r.arguments[0].eval
        let then = r.arguments[1].eval
        let type = r.expression.type ?? r.arguments[1].type
        let otherwise = r.count > 2 ? r.arguments[2].eval : nil
        let zero =
            r.settings.iifOmittedElseIsZero
            ? ResultCoercion.zero(of: type, orLike: r.expression.children[1], highPrecision: r.settings.highPrecision)
            : .null
        let settings = r.settings
        if let truth = r.arguments[0].asTruth {
            return TypedSpecialForms.iif(
                truth, condition: condition, then: r.arguments[1], otherwise: r.count > 2 ? r.arguments[2] : nil,
                zero: zero, type: type, settings)
        }
        return .special { row, state throws(RowError) in
            if try ValueConversion.truth(try condition(&row, &state)) == true {
                return try ResultCoercion.coerce(try then(&row, &state), to: type, settings)
            }
            guard let otherwise else { return zero }
            return try ResultCoercion.coerce(try otherwise(&row, &state), to: type, settings)
        }
    }

    /// DECODE (G4, cases 1 and 4): searches in order, NULL matches NULL, strings exactly (trailing
    /// blanks significant); no match gives the default or NULL. Only the chosen result is evaluated.
    /// Results take the call's checked type, the first result's [BELIEVED]; no switch: the type
    /// checker rejects results of another family (IR0152), so no alternative is reachable here.
    private static func decode(_ r: FunctionRequest) -> FunctionImpl {
        let value = r.arguments[0].eval
        let pairs = (r.count - 1) / 2
        let searches = (0..<pairs).map { r.arguments[1 + 2 * $0].eval }
        let results = (0..<pairs).map { r.arguments[2 + 2 * $0].eval }
        let fallback = (r.count - 1) % 2 == 1 ? r.arguments[r.count - 1].eval : nil
        let type = r.expression.type
        let settings = r.settings
        if let typed = TypedSpecialForms.decode(r, type: type) { return typed }
        return .special { row, state throws(RowError) in
            let subject = try value(&row, &state)
            for i in 0..<searches.count
            where try Comparison.decodeMatches(subject, try searches[i](&row, &state), settings) {
                return try ResultCoercion.coerce(try results[i](&row, &state), to: type, settings)
            }
            guard let fallback else { return .null }
            return try ResultCoercion.coerce(try fallback(&row, &state), to: type, settings)
        }
    }

    /// CHOOSE(index, v1, ...): the index-th value (rounded index); out of range or NULL → NULL.
    private static func choose(_ r: FunctionRequest) -> FunctionImpl {
        let index = r.arguments[0].eval
        let choices = r.arguments.dropFirst().map(\.eval)
        let type = r.expression.type
        let settings = r.settings
        return .special { row, state throws(RowError) in
            guard let i = try ValueConversion.wholeNumber(try index(&row, &state), context: "CHOOSE"), i >= 1,
                i <= choices.count
            else { return .null }
            return try ResultCoercion.coerce(try choices[Int(i) - 1](&row, &state), to: type, settings)
        }
    }

    /// IN (TRUE/FALSE) and INDEXOF (1-based position, 0 if none): a NULL value gives NULL
    /// [BELIEVED for IN, chosen for INDEXOF]; NULL list items never match; comparison as `=`.
    private static func membership(_ r: FunctionRequest, position: Bool) -> FunctionImpl {
        let settings = r.settings
        // One or two list items: the same search without an argument array per row.
        if r.count == 2 {
            return .two { value, item throws(RowError) in
                guard !value.isNull else { return .null }
                return .integer(try isMember(value, item, settings) ? 1 : 0)
            }
        }
        if r.count == 3 {
            return .three { value, first, second throws(RowError) in
                guard !value.isNull else { return .null }
                if try isMember(value, first, settings) { return .integer(1) }
                return .integer(try isMember(value, second, settings) ? (position ? 2 : 1) : 0)
            }
        }
        return .many { values throws(RowError) in
            guard !values[0].isNull else { return .null }
            for i in 1..<values.count where !values[i].isNull {
                if try Comparison.equalNonNull(values[0], values[i], settings) {
                    return .integer(position ? Int64(i) : 1)
                }
            }
            return .integer(0)
        }
    }

    /// Whether the non-NULL `value` equals the list item `item` (a NULL item never matches).
    @inline(__always)
    private static func isMember(_ value: Value, _ item: Value, _ settings: EvaluationSettings) throws(RowError)
        -> Bool
    {
        if item.isNull { return false }
        return try Comparison.equalNonNull(value, item, settings)
    }

    /// GREATEST/LEAST: NULL if any argument is NULL [BELIEVED]; the first of equal values wins.
    private static func extreme(_ r: FunctionRequest, greatest: Bool) -> FunctionImpl {
        let settings = r.settings
        let type = r.expression.type
        return strictMany { values throws(RowError) in
            var best = values[0]
            for value in values.dropFirst() {
                let order = try Comparison.orderOfNonNull(value, best, settings)
                if greatest ? order > 0 : order < 0 { best = value }
            }
            return try ResultCoercion.coerce(best, to: type, settings)
        }
    }

    /// ERROR(msg) fails the row; ABORT(msg) fails the session (a row error with ``RowError/isAbort``).
    private static func raise(_ r: FunctionRequest, code: String) -> FunctionImpl {
        let settings = r.settings
        let name = r.name
        return .one { message throws(RowError) in
            let text = try ValueConversion.text(message, settings) ?? ""
            throw EvaluationErrors.error(code, "\(name): \(text)")
        }
    }
}

/// The result datatype of IIF, DECODE, CHOOSE, GREATEST and LEAST: the checked type of the call,
/// to which each result is converted between families (number ↔ string) [BELIEVED].
enum ResultCoercion {
    /// `value` converted to `type`'s family when it is a string or number of the other family.
    static func coerce(_ value: Value, to type: DataType?, _ settings: EvaluationSettings) throws(RowError) -> Value {
        guard let type else { return value }
        switch (type.family, value) {
        case (.string, .integer), (.string, .decimal), (.string, .double):
            return try ValueConversion.text(value, settings).map(Value.string) ?? .null
        case (.numeric, .string):
            return try ValueConversion.number(value, highPrecision: settings.highPrecision, context: "a result")
        default:
            return value
        }
    }

    /// IIF's value when the condition is false and there is no else branch: 0 for numbers, ''
    /// for strings, NULL for dates [BELIEVED]; without a checked type, '' when the then branch
    /// is a string literal or `||`, else 0 (chosen).
    static func zero(of type: DataType?, orLike then: Expr, highPrecision: Bool) -> Value {
        if let type {
            switch type {
            case .decimal: return highPrecision ? .decimal(0) : .double(0)
            case .double, .real: return .double(0)
            case .integer, .smallInteger, .bigInteger: return .integer(0)
            case .string, .nstring, .text, .ntext: return .string("")
            case .dateTime, .binary: return .null
            }
        }
        switch then.kind {
        case .string, .binary(.concat, _, _): return .string("")
        default: return .integer(0)
        }
    }
}
