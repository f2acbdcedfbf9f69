extension FunctionLibrary {
    /// §3.4.7 test functions (IS_DATE goes to the date helper).
    static let testFunctions: [String: FunctionSpec] = [
        "ISNULL": FunctionSpec(1, 1) { _ in .one { a throws(RowError) in .integer(a.isNull ? 1 : 0) } },
        "IS_NUMBER": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in .integer(NumericText.isNumber(try args.text(a)) ? 1 : 0) }
        },
        "IS_SPACES": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                let text = try args.text(a)
                return .integer(!text.isEmpty && text.utf8.allSatisfy(NumericText.isBlank) ? 1 : 0)
            }
        },
    ]
}
