import Foundation

extension FunctionLibrary {
    /// §3.4.1 character functions except the searching ones.
    static let characterFunctions: [String: FunctionSpec] = [
        "ASCII": FunctionSpec(1, 1) { r in codePoint(r) },
        "CHRCODE": FunctionSpec(1, 1) { r in codePoint(r) },
        "CHR": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                let code = try args.whole(a)
                guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, code))), code >= 0 else {
                    throw args.invalid("\(code) is not a character code")
                }
                return .string(String(Character(scalar)))
            }
        },
        "CONCAT": FunctionSpec(2, 2) { r in
            let settings = r.settings
            return .two { a, b throws(RowError) in try Concatenation.concat(a, b, settings) }
        },
        "INITCAP": FunctionSpec(1, 1) { r in mapText(r, initcap) },
        "LENGTH": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in .integer(Int64(TextFastPaths.scalarCount(try args.text(a)))) }
        },
        "LOWER": FunctionSpec(1, 1) { r in mapText(r) { TextFastPaths.asciiCase($0, upper: false) ?? $0.lowercased() }
        },
        "UPPER": FunctionSpec(1, 1) { r in mapText(r) { TextFastPaths.asciiCase($0, upper: true) ?? $0.uppercased() } },
        "REVERSE": FunctionSpec(1, 1) { r in mapText(r) { String(scalars: $0.unicodeScalars.reversed()) } },
        "LPAD": FunctionSpec(2, 3) { r in pad(r, left: true) },
        "RPAD": FunctionSpec(2, 3) { r in pad(r, left: false) },
        "LTRIM": FunctionSpec(1, 2) { r in trim(r, leading: true) },
        "RTRIM": FunctionSpec(1, 2) { r in trim(r, leading: false) },
        "SUBSTR": FunctionSpec(2, 3) { r in substr(r) },
    ]

    /// ASCII/CHRCODE: the first character's code point; '' gives NULL (chosen, reference uncertain).
    private static func codePoint(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        return strict { a throws(RowError) in
            guard let first = try args.text(a).unicodeScalars.first else { return .null }
            return .integer(Int64(first.value))
        }
    }

    /// A function of one string argument returning a string.
    private static func mapText(_ r: FunctionRequest, _ f: @escaping @Sendable (String) -> String) -> FunctionImpl {
        let args = FunctionArguments(r)
        return strict { a throws(RowError) in .string(f(try args.text(a))) }
    }

    /// INITCAP: the first letter of each word upper case, the rest lower; words are delimited by
    /// any character that is not a letter or digit [BELIEVED].
    static func initcap(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var startOfWord = true
        for scalar in text.unicodeScalars {
            let alphanumeric = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let mapped = startOfWord ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            result.append(contentsOf: alphanumeric ? mapped.unicodeScalars : String(scalar).unicodeScalars)
            startOfWord = !alphanumeric
        }
        return String(result)
    }

    /// LPAD/RPAD: pad to `len` with `pad` (default one blank); longer strings are cut to `len`
    /// keeping the leftmost characters [BELIEVED]; a negative length gives NULL [BELIEVED]; an
    /// empty pad leaves a shorter string as it is (chosen); padding past the largest string is a
    /// row error (chosen, ``FunctionArguments/fittingString(_:)``).
    private static func pad(_ r: FunctionRequest, left: Bool) -> FunctionImpl {
        let args = FunctionArguments(r)
        return strictMany { values throws(RowError) in
            let text = try args.text(values[0]).scalarArray
            let length = try args.whole(values[1])
            guard length >= 0 else { return .null }
            if text.count >= length { return .string(String(scalars: text[0..<length])) }
            _ = try args.fittingString(length)
            let padding = values.count > 2 ? try args.text(values[2]).scalarArray : [" "]
            guard !padding.isEmpty else { return .string(String(scalars: text)) }
            var fill: [Unicode.Scalar] = []
            while fill.count < length - text.count { fill.append(padding[fill.count % padding.count]) }
            return .string(String(scalars: left ? fill + text : text + fill))
        }
    }

    /// LTRIM/RTRIM: removes leading/trailing characters that are in the set (default: a blank
    /// only, not tabs) [BELIEVED]; the result may be ''.
    private static func trim(_ r: FunctionRequest, leading: Bool) -> FunctionImpl {
        let args = FunctionArguments(r)
        if r.count == 1 {
            return strict { a throws(RowError) in
                if case .string(let text) = a { return .string(TextFastPaths.trimBlanks(text, leading: leading)) }
                return trimmed(try args.text(a), set: [" "], leading: leading)
            }
        }
        return strict { a, b throws(RowError) in
            trimmed(try args.text(a), set: Set(try args.text(b).unicodeScalars), leading: leading)
        }
    }

    private static func trimmed(_ string: String, set: Set<Unicode.Scalar>, leading: Bool) -> Value {
        let text = string.scalarArray
        if leading {
            let start = text.firstIndex { !set.contains($0) } ?? text.count
            return .string(String(scalars: text[start...]))
        }
        let end = (text.lastIndex { !set.contains($0) } ?? -1) + 1
        return .string(String(scalars: text[..<end]))
    }

    /// SUBSTR (reference §3.4.1, cases 35–36): start 0 is 1, negative counts from the end; length
    /// omitted runs to the end, length ≤ 0 gives ''; a start outside the string gives '' (chosen
    /// for negative starts before the beginning). Two and three arguments compile to their own
    /// closures (no argument array per row).
    private static func substr(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        if r.count == 2 {
            return strict { a, b throws(RowError) in substring(try args.text(a), try args.whole(b), nil) }
        }
        return strict { a, b, c throws(RowError) in
            substring(try args.text(a), try args.whole(b), try args.whole(c))
        }
    }

    private static func substring(_ string: String, _ start: Int, _ length: Int?) -> Value {
        let ascii = string.isASCII
        let text = ascii ? [] : string.scalarArray
        let count = ascii ? string.utf8.count : text.count
        let from = start > 0 ? start - 1 : (start == 0 ? 0 : count + start)
        guard from >= 0, from < count else { return .string("") }
        var to = count
        if let length {
            guard length > 0 else { return .string("") }
            to = length >= count - from ? count : from + length
        }
        if ascii { return .string(TextFastPaths.asciiSlice(string, from: from, to: to)) }
        return .string(String(scalars: text[from..<to]))
    }
}
