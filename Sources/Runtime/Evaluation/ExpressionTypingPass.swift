import IR

/// Parses and type checks expressions one at a time, collecting diagnostics and counts into a
/// report.
struct ExpressionTypingPass {
    var report = ExpressionTypingReport()

    /// Parses and checks `text` of `kind` in `environment`, located at `path` and `location`;
    /// when `resultType` is given, also checks that the result converts to it. Blank texts are
    /// counted and skipped; text that does not parse is not type checked.
    mutating func check(
        _ text: String, _ kind: TypedExpressionKind, in environment: TypeEnvironment, path: ObjectPath,
        location: SourceLocation?, resultType: DataType? = nil
    ) {
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            report.summary.blank += 1
            return
        }
        report.summary.checked[kind, default: 0] += 1
        let source = ExpressionSource(text, path: path, location: location)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        add(parseDiagnostics)
        guard !parseDiagnostics.hasErrors else { return }
        report.summary.countCalls(in: parsed)
        let (_, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: environment, source: source, portType: resultType)
        add(typeDiagnostics)
    }

    /// Checks that every `$$` name substituted into `text` (SQL or another attribute) is declared
    /// in `environment`; `$$$` built-ins (`$$$SessStartTime`) are not names.
    mutating func checkSubstitutions(
        in text: String, what: String, environment: TypeEnvironment, path: ObjectPath, location: SourceLocation?
    ) {
        for name in Self.substitutedParameters(in: text) {
            report.summary.checked[.sqlParameter, default: 0] += 1
            guard environment.parameterType(name) == nil else { continue }
            add([
                PipelineTypingDiagnostics.unknownSQLParameter(
                    "\(what) names '\(name)', which is not a declared mapping parameter or variable",
                    at: location ?? SourceLocation(file: "<pipeline>"), path: path,
                    notes: ["the name is substituted as text; it may still be set by a parameter file"],
                    fix: "declare '\(name)' in the mapping or correct its name")
            ])
        }
    }

    /// The `$$name` references in `text`, in order, without `$$$` built-ins.
    static func substitutedParameters(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var names: [String] = []
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "$", scalars[index + 1] == "$" else {
                index += 1
                continue
            }
            var start = index + 2
            if start < scalars.count, scalars[start] == "$" {
                while start < scalars.count, scalars[start] == "$" { start += 1 }
                index = start
                continue
            }
            var end = start
            while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
            if end > start {
                var name = "$$"
                name.unicodeScalars.append(contentsOf: scalars[start..<end])
                names.append(name)
            }
            index = end
        }
        return names
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Adds diagnostics to the report and counts them.
    mutating func add(_ diagnostics: [Diagnostic]) {
        report.diagnostics += diagnostics
        report.summary.count(diagnostics)
    }
}
