extension FunctionLibrary {
    /// §3.4.1 phonetic encodings: SOUNDEX and METAPHONE. Only the letters A–Z (any case) are
    /// encoded; other characters are skipped (chosen).
    static let phoneticFunctions: [String: FunctionSpec] = [
        "SOUNDEX": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in
                Phonetics.soundex(try args.text(a)).map(Value.string) ?? .null
            }
        },
        "METAPHONE": FunctionSpec(1, 2) { r in
            let args = FunctionArguments(r)
            return .many { values throws(RowError) in
                guard !values[0].isNull else { return .null }
                let length = values.count > 1 && !values[1].isNull ? try args.whole(values[1]) : 0
                let code = Phonetics.metaphone(try args.text(values[0]))
                return .string(length > 0 ? String(code.prefix(length)) : code)
            }
        },
    ]
}

/// The phonetic codes, over the upper-cased ASCII letters of a string.
enum Phonetics {
    /// The upper-case ASCII letters of `text`, in order.
    static func letters(_ text: String) -> [UInt8] {
        text.utf8.compactMap { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte
            case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 32
            default: nil
            }
        }
    }

    /// American Soundex (the census rules): the first letter, then the digits of the following
    /// consonants (BFPV 1, CGJKQSXZ 2, DT 3, L 4, MN 5, R 6), adjacent equal digits once (the first
    /// letter's digit included), vowels and Y separating equal digits, H and W not separating,
    /// padded with zeros to four characters. No letter (NULL or '' included) gives nil (NULL) [BELIEVED].
    static func soundex(_ text: String) -> String? {
        let word = letters(text)
        guard let first = word.first else { return nil }
        var code = [first]
        var previous = soundexDigit(first)
        for letter in word.dropFirst() where code.count < 4 {
            let digit = soundexDigit(letter)
            if letter == UInt8(ascii: "H") || letter == UInt8(ascii: "W") { continue }
            if digit != 0, digit != previous { code.append(UInt8(ascii: "0") + digit) }
            previous = digit
        }
        while code.count < 4 { code.append(UInt8(ascii: "0")) }
        return String(decoding: code, as: UTF8.self)
    }

    /// A letter's Soundex digit; 0 for vowels, Y, H and W.
    static func soundexDigit(_ letter: UInt8) -> UInt8 {
        switch Character(Unicode.Scalar(letter)) {
        case "B", "F", "P", "V": 1
        case "C", "G", "J", "K", "Q", "S", "X", "Z": 2
        case "D", "T": 3
        case "L": 4
        case "M", "N": 5
        case "R": 6
        default: 0
        }
    }

    /// Metaphone (Lawrence Philips, 1990, the original rules) [BELIEVED to be PowerCenter's]:
    /// initial KN GN PN AE WR drop the first letter, initial X is S and WH is W; vowels only as the
    /// first letter; doubled letters except C once; `0` (zero) stands for TH. The whole word is
    /// encoded; METAPHONE's length argument cuts the code.
    static func metaphone(_ text: String) -> String {
        var word = letters(text).map { Character(Unicode.Scalar($0)) }
        guard !word.isEmpty else { return "" }
        if word.count > 1, ["KN", "GN", "PN", "AE", "WR"].contains(String(word[0...1])) {
            word.removeFirst()
        } else if word[0] == "X" {
            word[0] = "S"
        } else if word.count > 1, word[0] == "W", word[1] == "H" {
            word.remove(at: 1)
        }
        var code = ""
        for i in word.indices {
            if i > 0, word[i] == word[i - 1], word[i] != "C" { continue }
            code += MetaphoneLetter(word: word, index: i).code
        }
        return code
    }
}

/// The Metaphone code of one letter in its context.
struct MetaphoneLetter {
    let word: [Character]
    let index: Int

    private func at(_ offset: Int) -> Character? {
        let i = index + offset
        return i >= 0 && i < word.count ? word[i] : nil
    }
    private func isVowel(_ c: Character?) -> Bool { c.map { "AEIOU".contains($0) } ?? false }
    private func follows(_ text: String) -> Bool {
        let tail = word[index...].prefix(text.count)
        return String(tail) == text
    }
    private var isLast: Bool { index == word.count - 1 }

    /// The code ("" when silent).
    var code: String {
        let letter = word[index]
        switch letter {
        case "A", "E", "I", "O", "U": return index == 0 ? String(letter) : ""
        case "B": return isLast && at(-1) == "M" ? "" : "B"
        case "C": return c
        case "D": return follows("DGE") || follows("DGY") || follows("DGI") ? "J" : "T"
        case "G": return g
        case "H": return h
        case "K": return at(-1) == "C" ? "" : "K"
        case "P": return at(1) == "H" ? "F" : "P"
        case "Q": return "K"
        case "S": return at(1) == "H" || follows("SIO") || follows("SIA") ? "X" : "S"
        case "T":
            if follows("TIA") || follows("TIO") { return "X" }
            if at(1) == "H" { return "0" }
            return follows("TCH") ? "" : "T"
        case "V": return "F"
        case "W", "Y": return isVowel(at(1)) ? String(letter) : ""
        case "X": return "KS"
        case "Z": return "S"
        default: return String(letter)
        }
    }

    private var c: String {
        if at(-1) == "S", let next = at(1), "EIY".contains(next) { return "" }
        if follows("CIA") { return "X" }
        if at(1) == "H" { return at(-1) == "S" ? "K" : "X" }
        if let next = at(1), "EIY".contains(next) { return "S" }
        return "K"
    }

    private var g: String {
        if at(1) == "H", index + 2 < word.count, !isVowel(at(2)) { return "" }
        if at(1) == "N", index + 2 == word.count || (follows("GNED") && index + 4 == word.count) { return "" }
        if at(-1) == "D", let next = at(1), "EIY".contains(next) { return "" }
        if let next = at(1), "EIY".contains(next), at(-1) != "G" { return "J" }
        return "K"
    }

    private var h: String {
        if let previous = at(-1), "CGPST".contains(previous) { return "" }
        if isVowel(at(-1)), !isVowel(at(1)) { return "" }
        return "H"
    }
}
