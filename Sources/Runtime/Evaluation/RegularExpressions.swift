import Foundation

/// REG_EXTRACT, REG_MATCH and REG_REPLACE over Foundation's NSRegularExpression (ICU syntax, close
/// to the PCRE syntax PowerCenter documents [BELIEVED]).
///
/// A constant pattern is compiled once, when the expression is compiled (an invalid one is a
/// diagnostic); a pattern computed per row is compiled per row (an invalid one is a row error).
enum RegularExpressions {
    /// A compiled pattern, or the means to compile one per row.
    struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable and documented thread-safe.
        let constant: NSRegularExpression?
        let wrap: @Sendable (String) -> String

        func regex(_ value: Value, _ args: FunctionArguments) throws(RowError) -> NSRegularExpression {
            if let constant { return constant }
            let text = try args.text(value)
            guard let regex = try? NSRegularExpression(pattern: wrap(text)) else {
                throw EvaluationErrors.error(
                    EvaluationErrors.invalidPattern, "'\(text)' is not a valid regular expression")
            }
            return regex
        }
    }

    /// Compiles argument 1 when it is a constant.
    static func pattern(_ r: FunctionRequest, wrap: @escaping @Sendable (String) -> String = { $0 })
        throws(CompileProblem)
        -> Pattern
    {
        guard case .string(let text)? = r.constant(1) else { return Pattern(constant: nil, wrap: wrap) }
        guard let regex = try? NSRegularExpression(pattern: wrap(text)) else {
            throw CompileProblem(
                descriptor: EvaluationDiagnostics.invalidPattern,
                message: "'\(text)' is not a valid regular expression for '\(r.name)'",
                fix: "correct the pattern (Perl-compatible syntax)")
        }
        return Pattern(constant: regex, wrap: wrap)
    }

    /// REG_EXTRACT(subject, pattern [, n]): group n (default 1, 0 = whole match) of the first
    /// match; no match, or a group that did not take part, gives NULL [BELIEVED / chosen].
    static func extract(_ r: FunctionRequest) throws(CompileProblem) -> FunctionImpl {
        let args = FunctionArguments(r)
        let pattern = try pattern(r)
        return FunctionLibrary.strictMany { values throws(RowError) in
            let subject = try args.text(values[0])
            let regex = try pattern.regex(values[1], args)
            let group = values.count > 2 ? try args.whole(values[2]) : 1
            let whole = NSRange(subject.startIndex..., in: subject)
            guard let match = regex.firstMatch(in: subject, range: whole), group >= 0, group < match.numberOfRanges,
                let range = Range(match.range(at: group), in: subject)
            else { return .null }
            return .string(String(subject[range]))
        }
    }

    /// REG_MATCH(subject, pattern): TRUE when the whole subject matches (or, with the option off,
    /// when the pattern matches anywhere).
    static func match(_ r: FunctionRequest) throws(CompileProblem) -> FunctionImpl {
        let args = FunctionArguments(r)
        let full = r.settings.regMatchRequiresFullMatch
        let pattern = try pattern(r, wrap: { full ? "(?:\($0))\\z" : $0 })
        return FunctionLibrary.strict { a, b throws(RowError) in
            let subject = try args.text(a)
            let regex = try pattern.regex(b, args)
            let whole = NSRange(subject.startIndex..., in: subject)
            let options: NSRegularExpression.MatchingOptions = full ? [.anchored] : []
            return .integer(regex.firstMatch(in: subject, options: options, range: whole) == nil ? 0 : 1)
        }
    }

    /// REG_REPLACE(subject, pattern, replace [, n]): replaces every match (or the first n);
    /// back-references are written `$1` or `\1` (both accepted, chosen).
    static func replace(_ r: FunctionRequest) throws(CompileProblem) -> FunctionImpl {
        let args = FunctionArguments(r)
        let pattern = try pattern(r)
        return FunctionLibrary.strictMany { values throws(RowError) in
            let subject = try args.text(values[0])
            let regex = try pattern.regex(values[1], args)
            let template = backslashReferencesAsDollar(try args.text(values[2]))
            let limit = values.count > 3 ? try args.whole(values[3]) : Int.max
            let whole = NSRange(subject.startIndex..., in: subject)
            let matches = regex.matches(in: subject, range: whole).prefix(max(0, limit))
            let result = NSMutableString(string: subject)
            for match in matches.reversed() {
                let replacement = regex.replacementString(for: match, in: subject, offset: 0, template: template)
                result.replaceCharacters(in: match.range, with: replacement)
            }
            return .string(result as String)
        }
    }

    /// `\1` → `$1` in a replacement template.
    static func backslashReferencesAsDollar(_ template: String) -> String {
        var result = ""
        var previousBackslash = false
        for c in template {
            if previousBackslash, c.isASCII, c.isNumber {
                result.append("$")
                result.append(c)
                previousBackslash = false
                continue
            }
            if previousBackslash { result.append("\\") }
            previousBackslash = c == "\\"
            if !previousBackslash { result.append(c) }
        }
        if previousBackslash { result.append("\\") }
        return result
    }
}
