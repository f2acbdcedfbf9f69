extension TypeCheckPass {
    /// Checks one argument against its position's kind.
    mutating func checkArgument(_ argument: Expr, kind: ArgumentKind, position: Int, of entry: FunctionEntry) {
        if case .star = argument.kind {
            if entry.name != "COUNT" || position != 0 {
                report(
                    TypeDiagnostics.wrongArgumentType, "'*' is only allowed as the argument of 'COUNT(*)'",
                    at: argument.range, fix: "name a port instead of '*'")
            }
            return
        }
        if kind == .mappingVariable { return checkMappingVariable(argument, of: entry) }
        guard let type = argument.type else { return }
        guard accepts(kind, type) else {
            report(
                TypeDiagnostics.wrongArgumentType,
                "argument \(position + 1) of '\(entry.name)' must be \(describe(kind)), not '\(type.canonicalName)'",
                at: argument.range, fix: "pass \(describe(kind)) or convert the argument explicitly")
            return
        }
        switch kind {
        case .numeric, .integer, .condition, .flag:
            if type.family == .string { noteStringToNumber(argument) }
        case .datePart:
            checkDatePart(argument, of: entry)
        default:
            break
        }
    }

    private mutating func checkDatePart(_ argument: Expr, of entry: FunctionEntry) {
        guard case .string(let value) = argument.kind else { return }
        let unit = value.trimmingSpaces().uppercased()
        guard !Self.dateParts.contains(unit) else { return }
        report(
            TypeDiagnostics.unknownDatePart, "'\(value)' is not a date part for '\(entry.name)'", at: argument.range,
            fix: "use one of Y, YY, YYY, YYYY, MM, MON, MONTH, D, DD, DDD, DY, DAY, HH, HH12, HH24, MI, SS, MS, US, NS")
    }

    private mutating func checkMappingVariable(_ argument: Expr, of entry: FunctionEntry) {
        guard case .parameter(let name) = argument.kind, name.contains("$$") else {
            report(
                TypeDiagnostics.wrongArgumentType,
                "the first argument of '\(entry.name)' must be a mapping variable '$$name'",
                at: argument.range, fix: "name a mapping variable declared in the mapping")
            return
        }
    }

    private func describe(_ kind: ArgumentKind) -> String {
        switch kind {
        case .string: "a string"
        case .numeric, .numberText: "a number"
        case .integer: "a whole number"
        case .date: "a date"
        case .any, .result: "a value other than binary"
        case .condition: "a condition"
        case .dateFormat: "a date format string"
        case .datePart: "a date-part string such as 'MM'"
        case .flag: "a numeric flag"
        case .mappingVariable: "a mapping variable"
        case .bytes: "a string or binary value"
        }
    }

    /// The result type of a call under a signature's rule.
    func resultType(_ rule: ResultRule, _ arguments: [Expr], _ kinds: [ArgumentKind]) -> DataType? {
        let highPrecision = environment.highPrecision
        func argumentType(_ index: Int) -> DataType? { index < arguments.count ? arguments[index].type : nil }
        switch rule {
        case .fixed(let type):
            return type
        case .sameAsArgument(let index):
            guard let type = argumentType(index) else { return nil }
            return type.family == .string && kinds[index] == .numeric ? .double : type
        case .firstResult:
            return unifiedResultType(arguments, kinds)
        case .numericPromotion:
            let numbers = zip(arguments, kinds).filter { $1 == .numeric }.compactMap(\.0.type)
            return TypeRules.promote(numbers.map { $0.family == .numeric ? $0 : .double }, highPrecision: highPrecision)
        case .stringWithPrecisionOfArgument(let index):
            return .string(precision: argumentType(index).map(TypeRules.characterCount(of:)) ?? 0)
        case .stringOfPrecision(let precision):
            return .string(precision: precision)
        case .padded(let index):
            if index < arguments.count, case .number(let text) = arguments[index].kind, let length = Int(text) {
                return .string(precision: max(length, 0))
            }
            return .string(precision: argumentType(0).map(TypeRules.characterCount(of:)) ?? 0)
        case .decimalWithScaleArgument(let index):
            var scale = 0
            if index < arguments.count, case .number(let text) = arguments[index].kind { scale = Int(text) ?? 0 }
            return TypeRules.decimal(integerDigits: 28 - scale, scale: scale, highPrecision: highPrecision)
        case .binaryWithPrecisionOfArgument(let index):
            return .binary(precision: argumentType(index).map(TypeRules.characterCount(of:)) ?? 0)
        case .concatenation:
            return .string(precision: arguments.compactMap(\.type).map(TypeRules.renderedPrecision(of:)).reduce(0, +))
        case .variableType(let index):
            guard index < arguments.count, case .parameter(let name) = arguments[index].kind else { return nil }
            return environment.parameterType(name)
        case .unknown:
            return nil
        }
    }
}
