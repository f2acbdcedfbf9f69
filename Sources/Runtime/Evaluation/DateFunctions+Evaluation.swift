extension FunctionLibrary {
    /// §3.4.3 date functions, implemented by the date helper (Sources/Runtime/Dates); date
    /// arguments given as strings are read with the session format first.
    static let dateFunctions: [String: FunctionSpec] = [
        "ADD_TO_DATE": FunctionSpec(3, 3) { r in
            let s = r.settings
            return .three { d, f, n throws(RowError) in
                try DateFunctions.addToDate(try DateBridge.dateArgument(d, s), f, try DateBridge.numberArgument(n, s))
            }
        },
        "DATE_COMPARE": FunctionSpec(2, 2) { r in
            let s = r.settings
            return .two { a, b throws(RowError) in
                try DateFunctions.dateCompare(try DateBridge.dateArgument(a, s), try DateBridge.dateArgument(b, s))
            }
        },
        "DATE_DIFF": FunctionSpec(3, 3) { r in
            let s = r.settings
            return .three { a, b, f throws(RowError) in
                try DateFunctions.dateDiff(try DateBridge.dateArgument(a, s), try DateBridge.dateArgument(b, s), f)
            }
        },
        "GET_DATE_PART": FunctionSpec(2, 2) { r in
            let s = r.settings
            return .two { d, f throws(RowError) in try DateFunctions.getDatePart(try DateBridge.dateArgument(d, s), f) }
        },
        "SET_DATE_PART": FunctionSpec(3, 3) { r in
            let s = r.settings
            return .three { d, f, n throws(RowError) in
                try DateFunctions.setDatePart(try DateBridge.dateArgument(d, s), f, try DateBridge.numberArgument(n, s))
            }
        },
        "LAST_DAY": FunctionSpec(1, 1) { r in
            let s = r.settings
            return .one { d throws(RowError) in try DateFunctions.lastDay(try DateBridge.dateArgument(d, s)) }
        },
        "MAKE_DATE_TIME": FunctionSpec(3, 7) { r in
            let s = r.settings
            return .many { values throws(RowError) in
                var numbers: [Value] = []
                for value in values { numbers.append(try DateBridge.numberArgument(value, s)) }
                return try DateFunctions.makeDateTime(numbers)
            }
        },
        "TO_DATE": FunctionSpec(1, 2) { r in
            let s = r.settings
            if let pattern = constantPattern(r) {
                // The format is known when compiling: split it once, not for every row, and read
                // all-numeric formats straight from the bytes when the text allows it.
                let numeric = s.rrUsesCenturyWindow ? NumericDatePattern(pattern, options: s.dateParseOptions) : nil
                let toDate = { @Sendable (value: Value) throws(RowError) -> Value in
                    if case .dateTime = value { return value }
                    guard let text = try ValueConversion.text(value, s) else { return .null }
                    if let date = numeric?.parse(text, currentYear: s.currentYear) { return .dateTime(date) }
                    return .dateTime(try DateFormat.parse(text, pattern, settings: s))
                }
                if r.count == 1 { return .one(toDate) }
                return .two { value, _ throws(RowError) in try toDate(value) }
            }
            return .many { values throws(RowError) in
                if case .dateTime = values[0] { return values[0] }
                let text = try ValueConversion.text(values[0], s).map(Value.string) ?? .null
                return try DateFunctions.toDate(text, values.count > 1 ? values[1] : nil, settings: s)
            }
        },
        "IS_DATE": FunctionSpec(1, 2) { r in
            let s = r.settings
            if let pattern = constantPattern(r) {
                // As TO_DATE: the constant format is split once, and all-numeric formats are read
                // straight from the bytes when the text allows it.
                let numeric = s.rrUsesCenturyWindow ? NumericDatePattern(pattern, options: s.dateParseOptions) : nil
                let isDate = { @Sendable (value: Value) -> Value in
                    guard case .string(let text) = value else { return value.isNull ? .null : .integer(0) }
                    if numeric?.parse(text, currentYear: s.currentYear) != nil { return .integer(1) }
                    return .integer((try? DateFormat.parse(text, pattern, settings: s)) != nil ? 1 : 0)
                }
                if r.count == 1 { return .one(isDate) }
                return .two { value, _ throws(RowError) in isDate(value) }
            }
            return .many { values throws(RowError) in
                DateFunctions.isDate(values[0], values.count > 1 ? values[1] : nil, settings: s)
            }
        },
        "SYSTIMESTAMP": FunctionSpec(0, 1) { r in
            let s = r.settings
            return .many { values throws(RowError) in
                try DateFunctions.sysTimestamp(values.first ?? .integer(9), settings: s)
            }
        },
    ]

    /// The compiled pattern of a call whose format argument is a constant string, or that has none
    /// (the session format); nil when the format is computed per row or is NULL.
    static func constantPattern(_ r: FunctionRequest) -> DatePattern? {
        if r.count < 2 { return DatePattern(r.settings.dateTimeFormat) }
        guard case .string(let format)? = r.constant(1) else { return nil }
        return DatePattern(format)
    }
}
