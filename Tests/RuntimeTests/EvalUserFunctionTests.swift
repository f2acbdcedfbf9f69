import Foundation
import IR
import Testing

@testable import Runtime

/// User-defined functions (`:UDF.`) compiled from pipeline attributes.
@Suite("Eval user functions")
struct EvalUserFunctionTests {
    /// Compiles `text` calling the functions of `functions` over ports `ports`, and evaluates it on `row`.
    static func evaluate(
        _ text: String, _ functions: PipelineUserFunctions, ports: [(String, DataType)] = [], row: [Value] = []
    ) -> Result<Value, RowError>? {
        let source = ExpressionSource(text)
        let (parsed, _) = ExpressionParser.parse(source)
        let environment = TypeEnvironment(
            ports: Dictionary(ports.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }),
            userFunctions: functions.signatures)
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(parsed, in: environment, source: source)
        let slots = Dictionary(ports.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let (compiled, diagnostics) = ExpressionCompiler.compile(
            typed, slots: slots, userFunctions: functions, settings: EvalHarness.settings(), source: source)
        guard let compiled, !(typeDiagnostics + diagnostics).hasErrors else {
            Issue.record("'\(text)' did not compile: \((typeDiagnostics + diagnostics).map(\.description))")
            return nil
        }
        var values = row
        var state = EvaluationState()
        do throws(RowError) {
            return .success(try compiled.evaluate(&values, state: &state))
        } catch {
            return .failure(error)
        }
    }

    static func functions(_ definitions: [(prototype: String, body: String)]) -> PipelineUserFunctions {
        var attributes: [Attribute] = []
        for definition in definitions {
            let name = UserFunctionPrototype(parsing: definition.prototype)?.name ?? "?"
            attributes.append(Attribute(":UDF.\(name)", definition.body))
            attributes.append(Attribute(":UDF.\(name) prototype", definition.prototype))
        }
        return PipelineUserFunctions(attributes: attributes, settings: EvalHarness.settings())
    }

    @Test("a prototype gives the name, the arguments in order and the return type")
    func prototype() {
        let p = UserFunctionPrototype(
            parsing: "NSTRING udf_x( INPUT_STR as string, N as small integer, D as decimal(10,2) )")
        #expect(p?.name == "udf_x")
        #expect(p?.arguments.map(\.name) == ["INPUT_STR", "N", "D"])
        #expect(p?.arguments.map(\.type) == [.string(precision: 0), .smallInteger, .decimal(precision: 10, scale: 2)])
        #expect(p?.returnType == .nstring(precision: 0))
        #expect(UserFunctionPrototype(parsing: "string(3) short(s as string)")?.returnType == .string(precision: 3))
        #expect(UserFunctionPrototype(parsing: "INTEGER f(x integer)") == nil)
    }

    @Test("hand-written functions: arguments bound by position, nested calls, return type applied")
    func handWritten() {
        let udfs = Self.functions([
            ("INTEGER twice(n as integer)", "n * 2"),
            ("INTEGER quad(n as integer)", ":UDF.twice(:UDF.twice(n))"),
            ("STRING minus(a as integer, b as integer)", "a - b"),
            ("string(3) short3(s as string)", "UPPER(s)"),
        ])
        #expect(udfs.diagnostics.isEmpty, "\(udfs.diagnostics.map(\.description))")
        #expect(Self.evaluate(":UDF.quad(3)", udfs) == .success(.integer(12)))
        #expect(Self.evaluate(":UDF.minus(10, 4)", udfs) == .success(.string("6")))
        #expect(Self.evaluate(":udf.SHORT3('abcdef')", udfs) == .success(.string("ABC")))
        #expect(
            Self.evaluate(":UDF.twice(X) + 1", udfs, ports: [("X", .integer)], row: [.integer(20)])
                == .success(.integer(41)))
    }

    @Test("recursion, direct or through another function, is a diagnostic and the call is unresolved")
    func recursion() {
        let udfs = Self.functions([
            ("INTEGER fact(n as integer)", "IIF(n <= 1, 1, n * :UDF.fact(n - 1))"),
            ("INTEGER ping(n as integer)", ":UDF.pong(n)"),
            ("INTEGER pong(n as integer)", ":UDF.ping(n) + 1"),
            ("INTEGER fine(n as integer)", "n + 1"),
        ])
        let codes = udfs.diagnostics.map(\.code)
        #expect(codes == ["RT0191", "RT0191"], "\(codes)")
        #expect(udfs.userFunction(.userFunction, named: "FACT", arity: 1) == nil)
        #expect(udfs.userFunction(.userFunction, named: "ping", arity: 1) == nil)
        #expect(udfs.userFunction(.userFunction, named: "fine", arity: 1) != nil)
        #expect(udfs.userFunction(.userFunction, named: "fine", arity: 2) == nil)
    }

    @Test("user-function diagnostic codes are sorted, unique and not the compiler's")
    func catalog() {
        let codes = UserFunctionDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted() && Set(codes).count == codes.count)
        #expect(Set(codes).isDisjoint(with: EvaluationDiagnostics.all.map(\.code.rawValue)))
    }

    @Test("an unreadable prototype is RT0190")
    func badPrototype() {
        let udfs = PipelineUserFunctions(
            attributes: [Attribute(":UDF.f", "1"), Attribute(":UDF.f prototype", "INTEGER f(x integer)")],
            settings: EvalHarness.settings())
        #expect(udfs.diagnostics.map(\.code) == ["RT0190"])
    }

    @Test("the corpus's EXPRMACRO functions compute what their bodies say")
    func corpus() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/corpus/powercenter")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            print("skipped: the corpus folder ../shared/corpus/powercenter is absent")
            return
        }
        var attributes: [Attribute] = []
        for name in names.sorted() where name.hasSuffix(".XML") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            attributes += ExprMacroText.attributes(in: text)
        }
        try #require(attributes.count >= 6, "expected the three corpus EXPRMACROs")
        let udfs = PipelineUserFunctions(attributes: attributes, settings: EvalHarness.settings())
        #expect(udfs.diagnostics.isEmpty, "\(udfs.diagnostics.map(\.description))")
        // ltrim(rtrim(REG_REPLACE(INPUT_STR, '<tab>', ''))): tabs removed, then blanks trimmed.
        #expect(Self.evaluate(":UDF.UDF_CM_TRIM_TAB_REMOVAL('  a\tb  ')", udfs) == .success(.string("ab")))
        #expect(Self.evaluate(":UDF.UDF_CM_TRIM_TAB_REMOVAL('\t x \t')", udfs) == .success(.string("x")))
        #expect(Self.evaluate(":UDF.UDF_CM_TRIM_TAB_REMOVAL(NULL)", udfs) == .success(.null))
        // iif(Boolean=1, 'X', null).
        for name in ["UDF_DI_BOOLEAN_STRING_CONV", "UDF_BOOLEAN_STRING_SOFT_DELETE"] {
            #expect(Self.evaluate(":UDF.\(name)(1)", udfs) == .success(.string("X")))
            #expect(Self.evaluate(":UDF.\(name)(0)", udfs) == .success(.null))
            #expect(Self.evaluate(":UDF.\(name)(NULL)", udfs) == .success(.null))
        }
    }
}

/// Reads EXPRMACRO elements from export text the way the importer stores them (test-only; the
/// runtime tests do not link the importer).
enum ExprMacroText {
    static func attributes(in text: String) -> [Attribute] {
        var result: [Attribute] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<EXPRMACRO ") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: ">") else { break }
            let tag = String(tail[..<end])
            if let name = value("NAME", tag), let body = value("EXPRESSION", tag),
                let prototype = value("PROTOTYPE", tag)
            {
                result += [Attribute(":UDF.\(name)", body), Attribute(":UDF.\(name) prototype", prototype)]
            }
            rest = tail[end...]
        }
        return result
    }

    /// The decoded value of attribute `name` in a start tag.
    static func value(_ name: String, _ tag: String) -> String? {
        guard let start = tag.range(of: " \(name) =\"") ?? tag.range(of: " \(name)=\"") else { return nil }
        let tail = tag[start.upperBound...]
        guard let end = tail.firstIndex(of: "\"") else { return nil }
        var raw = String(tail[..<end])
        for (entity, character) in [("&apos;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")] {
            raw = raw.replacingOccurrences(of: entity, with: character)
        }
        while let range = raw.range(of: "&#x"), let semicolon = raw[range.upperBound...].firstIndex(of: ";"),
            let code = UInt32(raw[range.upperBound..<semicolon], radix: 16), let scalar = Unicode.Scalar(code)
        {
            raw.replaceSubrange(range.lowerBound...semicolon, with: String(Character(scalar)))
        }
        return raw.replacingOccurrences(of: "&amp;", with: "&")
    }
}
