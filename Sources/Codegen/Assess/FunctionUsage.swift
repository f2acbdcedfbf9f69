/// Finds the functions an expression calls, without a full parser: identifiers followed by `(`,
/// outside string literals and comments. `:LKP.name(`, `:SP.name(` and `:UDF.name(` count as
/// `:LKP`, `:SP` and `:UDF`.
public enum FunctionUsage {
    /// Word operators that may be followed by a parenthesis without being functions.
    static let operatorWords: Set<String> = ["AND", "OR", "NOT"]

    /// The upper-cased function names called in `text`, in order of appearance, with repeats.
    public static func functions(in text: String) -> [String] {
        var names: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        var pending: String?
        while i < chars.count {
            let c = chars[i]
            if c == "'" {  // string literal with doubled quotes
                i += 1
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
                pending = nil
                continue
            }
            if (c == "-" && i + 1 < chars.count && chars[i + 1] == "-")
                || (c == "/" && i + 1 < chars.count && chars[i + 1] == "/")
            {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                pending = nil
                continue
            }
            if c == ":" {
                var j = i + 1
                var word = ""
                while j < chars.count, CharacterSet.identifier(chars[j]) {
                    word.unicodeScalars.append(chars[j]); j += 1
                }
                if ["LKP", "SP", "UDF", "MCR"].contains(word.uppercased()) { names.append(":" + word.uppercased()) }
                // Skip `.name` so it is not taken for a function.
                if j < chars.count && chars[j] == "." {
                    j += 1
                    while j < chars.count, CharacterSet.identifier(chars[j]) { j += 1 }
                }
                i = j
                pending = nil
                continue
            }
            if CharacterSet.identifierStart(c) {
                var word = ""
                while i < chars.count, CharacterSet.identifier(chars[i]) {
                    word.unicodeScalars.append(chars[i]); i += 1
                }
                pending = word.uppercased()
                continue
            }
            if c == "(", let name = pending, !operatorWords.contains(name) { names.append(name) }
            if !(c == " " || c == "\t" || c == "\r" || c == "\n") { pending = nil }
            i += 1
        }
        return names
    }
}

/// Character classes of the expression language's identifiers.
enum CharacterSet {
    static func identifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c == "_"
    }

    static func identifier(_ c: Unicode.Scalar) -> Bool {
        identifierStart(c) || (c >= "0" && c <= "9") || c == "$" || c == "#"
    }
}
