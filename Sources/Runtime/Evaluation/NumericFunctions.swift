import Foundation

extension FunctionLibrary {
    /// §3.4.4 numeric and §3.4.5 scientific functions (ROUND and TRUNC of dates go to the date helper).
    static let numericFunctions: [String: FunctionSpec] = {
        var table: [String: FunctionSpec] = [
            "ABS": FunctionSpec(1, 1) { r in
                sameType(
                    r, integer: { i in i == .min ? nil : abs(i) }, decimal: { CompactDecimal.magnitude($0) ?? abs($0) },
                    double: { abs($0) })
            },
            "CEIL": FunctionSpec(1, 1) { r in
                sameType(
                    r, integer: { $0 },
                    decimal: {
                        if let fast = CompactDecimal.ceiling($0) { return fast }
                        let truncated = Rounding.decimal($0, scale: 0, truncate: true)
                        return truncated + ($0 > truncated ? 1 : 0)
                    }, double: { $0.rounded(.up) })
            },
            "FLOOR": FunctionSpec(1, 1) { r in
                sameType(
                    r, integer: { $0 },
                    decimal: {
                        if let fast = CompactDecimal.floor($0) { return fast }
                        let truncated = Rounding.decimal($0, scale: 0, truncate: true)
                        return truncated - ($0 < truncated ? 1 : 0)
                    }, double: { $0.rounded(.down) })
            },
            "SIGN": FunctionSpec(1, 1) { r in
                let args = FunctionArguments(r)
                return strict { a throws(RowError) in
                    let d = try args.double(a)
                    return .integer(d > 0 ? 1 : (d < 0 ? -1 : 0))
                }
            },
            "MOD": FunctionSpec(2, 2) { r in
                let highPrecision = r.settings.highPrecision
                let dividendSigned = r.settings.modTakesDividendSign
                return .two { a, b throws(RowError) in
                    let result = try Arithmetic.apply(.modulo, a, b, highPrecision: highPrecision)
                    if dividendSigned { return result }
                    return try ModulusSign.divisorSigned(result, divisor: b, highPrecision: highPrecision)
                }
            },
            "ROUND": FunctionSpec(1, 2) { r in roundOrTrunc(r, truncate: false) },
            "TRUNC": FunctionSpec(1, 2) { r in roundOrTrunc(r, truncate: true) },
            "RAND": FunctionSpec(0, 1) { _ in .stateful(random) },
            "EXP": math(exp),
            "LN": math { $0 > 0 ? log($0) : nil },
            "SQRT": math { $0 >= 0 ? sqrt($0) : nil },
            "LOG": FunctionSpec(2, 2) { r in
                let args = FunctionArguments(r)
                return strict { a, b throws(RowError) in
                    let base = try args.double(a)
                    let x = try args.double(b)
                    guard base > 0, base != 1, x > 0 else { throw args.invalid("LOG(\(base), \(x)) is undefined") }
                    return .double(log(x) / log(base))
                }
            },
            "POWER": FunctionSpec(2, 2) { r in
                let args = FunctionArguments(r)
                return strict { a, b throws(RowError) in
                    let result = pow(try args.double(a), try args.double(b))
                    guard result.isFinite else { throw args.invalid("the result is not a finite number") }
                    return .double(result)
                }
            },
        ]
        for (name, f) in [("COS", cos), ("COSH", cosh), ("SIN", sin), ("SINH", sinh), ("TAN", tan), ("TANH", tanh)]
            as [(String, @Sendable (Double) -> Double)]
        {
            table[name] = math { f($0) }
        }
        return table
    }()

    /// A double function; nil results (outside the domain) are row errors [BELIEVED].
    private static func math(_ f: @escaping @Sendable (Double) -> Double?) -> FunctionSpec {
        FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                let x = try args.double(a)
                guard let y = f(x), y.isFinite else {
                    throw args.invalid("\(ValueConversion.doubleText(x)) is outside the function's domain")
                }
                return .double(y)
            }
        }
    }

    /// A function that keeps the numeric type of its argument (strings compute as doubles).
    private static func sameType(
        _ r: FunctionRequest, integer: @escaping @Sendable (Int64) -> Int64?,
        decimal: @escaping @Sendable (Decimal) -> Decimal, double: @escaping @Sendable (Double) -> Double
    ) -> FunctionImpl {
        let highPrecision = r.settings.highPrecision
        let name = r.name
        return strict { a throws(RowError) in
            switch try ValueConversion.number(a, highPrecision: highPrecision, context: name) {
            case .integer(let i):
                guard let result = integer(i) else {
                    throw EvaluationErrors.error(EvaluationErrors.integerOverflow, "\(name)(\(i)) overflows 64 bits")
                }
                return .integer(result)
            case .decimal(let d): return .decimal(decimal(d))
            case .double(let d): return .double(double(d))
            default: return .null
            }
        }
    }

    /// ROUND/TRUNC of numbers: half away from zero / toward zero, to `precision` digits (negative:
    /// left of the point; a decimal precision is truncated [BELIEVED]); dates go to the date helper.
    private static func roundOrTrunc(_ r: FunctionRequest, truncate: Bool) -> FunctionImpl {
        let highPrecision = r.settings.highPrecision
        let dates = DateBridge.roundOrTrunc(r, truncate: truncate)
        let truncationUnit = truncate ? DateBridge.constantUnit(r) : nil
        let name = r.name
        let round = { @Sendable (value: Value, precisionValue: Value?) throws(RowError) -> Value in
            if case .dateTime(let date) = value {
                // TRUNC with a constant format: the unit is read once (DateFunctions.truncDate).
                if let truncationUnit { return .dateTime(DateFunctions.truncated(date, truncationUnit)) }
                return try dates(precisionValue.map { [value, $0] } ?? [value])
            }
            guard !value.isNull else { return .null }
            var precision = 0
            if let precisionValue {
                guard let p = try ValueConversion.wholeNumber(precisionValue, truncate: true, context: name) else {
                    return .null
                }
                precision = Int(clamping: p)
            }
            switch try ValueConversion.number(value, highPrecision: highPrecision, context: name) {
            case .integer(let i):
                guard precision < 0 else { return .integer(i) }
                let rounded = Rounding.decimal(Decimal(i), scale: max(precision, -19), truncate: truncate)
                return .integer(Int64(exactly: NSDecimalNumber(decimal: rounded)) ?? i)
            case .decimal(let d): return .decimal(Rounding.decimal(d, scale: precision, truncate: truncate))
            case .double(let d): return .double(Rounding.double(d, scale: precision, truncate: truncate))
            default: return .null
            }
        }
        // One closure per arity: no argument array per row.
        if r.count == 1 { return .one { a throws(RowError) in try round(a, nil) } }
        return .two { a, b throws(RowError) in try round(a, b) }
    }

    /// RAND([seed]): a double in [0, 1) from a 64-bit linear congruential generator kept in the
    /// state; a seed restarts the sequence on the first call (chosen).
    private static func random(_ values: [Value], _ state: inout EvaluationState) throws(RowError) -> Value {
        if state.randomState == 0 {
            let seed = values.first.flatMap { try? ValueConversion.wholeNumber($0, context: "RAND") } ?? 0
            state.randomState = UInt64(bitPattern: seed) &+ 0x9E37_79B9_7F4A_7C15
        }
        state.randomState = state.randomState &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return .double(Double(state.randomState >> 11) / Double(UInt64(1) << 53))
    }
}
