import Foundation
import Testing

@testable import Codegen

@Suite("Canonical YAML scalars and layout")
struct YAMLScalarStyleTests {
    @Test(
        "plain-safe strings",
        arguments: [
            "Customer Name", "O'Brien", #"He said "hi""#, "http://x/y", "a#b", "$$PARAM", "C:\\x", "Zażółć", "a, b",
            "string(20)", "FOLDER[F]/MAPPING[m]", "yesterday", "nullable", "x-1",
        ])
    func plain(_ text: String) {
        #expect(YAMLScalarStyle.isPlainSafe(text))
    }

    @Test(
        "strings that must be quoted",
        arguments: [
            "", " a", "a ", "a: b", "a #b", "label:", "yes", "No", "ON", "off", "y", "N", "true", "False", "null",
            "NULL", "~",
            "012", "12", "1e3", "0x1F", ".inf", "-.inf", ".nan", "2024-01-01", "1:30", "+1", "-1", "1st", "#x", "-x",
            "?x", ":x",
            ",x", "[x", "]x", "{x", "}x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x", "=", "<<",
            "a\tb",
            "a\nb", "a\rb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{A0}b", "a\u{200B}b", "a\u{2028}b", "\u{FEFF}a",
        ])
    func quoted(_ text: String) {
        #expect(!YAMLScalarStyle.isPlainSafe(text))
    }

    @Test("double-quoted escapes")
    func escapes() {
        #expect(YAMLScalarStyle.doubleQuoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(YAMLScalarStyle.doubleQuoted("\r\n\t") == #""\r\n\t""#)
        #expect(YAMLScalarStyle.doubleQuoted("\u{0}\u{1B}\u{7F}\u{85}\u{A0}") == #""\x00\x1B\x7F\x85\xA0""#)
        #expect(YAMLScalarStyle.doubleQuoted("\u{2028}\u{FEFF}\u{F0000}") == #""\u2028\uFEFF\U000F0000""#)
        #expect(YAMLScalarStyle.doubleQuoted("日本 🚀") == "\"日本 🚀\"")
    }

    @Test("literal blocks only when exactly reversible")
    func literal() {
        #expect(YAMLScalarStyle.isLiteralSafe("SELECT 1\nFROM T"))
        #expect(YAMLScalarStyle.isLiteralSafe("a\n\n  b\n#c"))
        #expect(!YAMLScalarStyle.isLiteralSafe("single line"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a\r\nb"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a\nb\n"))
        #expect(!YAMLScalarStyle.isLiteralSafe("\na"))
        #expect(!YAMLScalarStyle.isLiteralSafe(" a\nb"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a\n\tb"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a \nb"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a\n  \nb"))
        #expect(!YAMLScalarStyle.isLiteralSafe("a\u{7}\nb"))
    }

    @Test("numbers: shortest round-trip text, always a dot in floats")
    func numbers() {
        #expect(YAMLNumberFormat.text(1.0) == "1.0")
        #expect(YAMLNumberFormat.text(0.5) == "0.5")
        #expect(YAMLNumberFormat.text(0.92) == "0.92")
        #expect(YAMLNumberFormat.text(1e20) == "1.0e+20")
        #expect(YAMLNumberFormat.text(2.5e-7) == "2.5e-07")
        #expect(YAMLNumberFormat.text(-Double.infinity) == "-.inf")
        #expect(YAMLNumberFormat.text(Double.nan) == ".nan")
        #expect(YAMLNumberFormat.text(-42) == "-42")
        for value in [0.1, 1.0 / 3.0, 1e-300, 123456.789] {
            #expect(YAMLPlainScalar.double(YAMLNumberFormat.text(value)) == value)
        }
    }

    struct Sample: Encodable {
        var z = "first"
        var a: [[Int]] = [[1, 2], []]
        var items: [Item] = [Item(), Item(name: nil, tags: ["x y", "#z"])]
        var empty: [String: Int] = [:]
        var ratio = 0.25
        var flag = false
        var none: String? = nil

        struct Item: Encodable {
            var name: String? = "nm"
            var tags: [String] = ["a", "b"]
        }
    }

    @Test("the encoder keeps encoding order and the emitter's layout rules")
    func layout() throws {
        let tree = try YAMLTreeEncoder.tree(of: Sample())
        guard case .mapping(let entries) = tree else {
            Issue.record("expected a mapping")
            return
        }
        let text = YAMLEmitter.document(entries)
        #expect(
            text == """
                z: first
                a:
                  - [1, 2]
                  - []
                items:
                  - name: nm
                    tags: [a, b]
                  - tags:
                      - x y
                      - "#z"
                empty: {}
                ratio: 0.25
                flag: false

                """)
    }

    @Test("flow sequences stop at 80 characters")
    func flowLimit() {
        let short = YAMLValue.sequence(Array(repeating: .string("abcdefgh"), count: 8))
        let long = YAMLValue.sequence(Array(repeating: .string("abcdefgh"), count: 9))
        #expect(YAMLEmitter.document([YAMLEntry(key: "k", value: short)]).split(separator: "\n").count == 1)
        #expect(YAMLEmitter.document([YAMLEntry(key: "k", value: long)]).split(separator: "\n").count == 10)
        let nested = YAMLValue.sequence([.sequence([.mapping([YAMLEntry(key: "a", value: .null)])])])
        #expect(YAMLEmitter.document([YAMLEntry(key: "k", value: nested)]) == "k:\n  - - a: null\n")
    }
}
