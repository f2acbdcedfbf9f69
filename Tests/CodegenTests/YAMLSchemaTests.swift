import Foundation
import Testing

/// Validates every golden YAML under Tests/Fixtures/yaml against schema/pipeline.schema.json with
/// python3's `jsonschema` (PyYAML reads the YAML). Skipped, with the reason shown, when python3,
/// PyYAML or jsonschema is missing.
@Suite("JSON Schema of canonical YAML")
struct YAMLSchemaTests {
    static let schema = GoldenFile.folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schema/pipeline.schema.json")

    static let validator = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        failed = 0
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(yaml.safe_load(open(path, encoding="utf-8"))), key=str)
            for error in errors[:5]:
                print("FAIL", path, "/".join(map(str, error.absolute_path)), error.message[:200])
            failed += 1 if errors else 0
        print("checked", len(sys.argv) - 2, "failed", failed)
        sys.exit(1 if failed else 0)
        """

    static let pythonReady: Bool = run(["-c", "import yaml, jsonschema"])?.status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func goldenFiles() -> [String] {
        let cases = (try? FileManager.default.contentsOfDirectory(atPath: GoldenFile.folder.path)) ?? []
        return cases.sorted().map { GoldenFile.folder.appendingPathComponent("\($0)/expected.yaml").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    @Test(
        "every golden YAML file validates against the schema",
        .enabled(if: pythonReady, "skipped: python3 with the 'yaml' and 'jsonschema' modules is not installed"))
    func goldensValidate() throws {
        let files = Self.goldenFiles()
        #expect(files.count >= 6, "expected the golden cases, found \(files)")
        let result = try #require(Self.run(["-c", Self.validator, Self.schema.path] + files))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("checked \(files.count) failed 0"))
    }

    @Test(
        "the schema rejects an unknown key, a bad datatype and options that do not fit the kind",
        .enabled(if: pythonReady, "skipped: python3 with the 'yaml' and 'jsonschema' modules is not installed"))
    func schemaRejectsBadDocuments() throws {
        let base = try #require(GoldenFile.read("pipeline-all-operators/expected.yaml"))
        let bad = [
            base.replacingOccurrences(
                of: "      kind: project\n      options: {}", with: "      kind: project\n      optons: {}"),
            base.replacingOccurrences(of: "type: nstring(40)", with: "type: strin(20)"),
            base.replacingOccurrences(of: "kind: filter", with: "kind: join"),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, text) in bad.enumerated() {
            #expect(text != base, "mutation \(index) did not apply")
            let file = folder.appendingPathComponent("bad\(index).yaml")
            try Data(text.utf8).write(to: file)
            let result = try #require(Self.run(["-c", Self.validator, Self.schema.path, file.path]))
            #expect(
                result.status == 1 && result.output.contains("FAIL"), "mutation \(index) was accepted: \(result.output)"
            )
        }
    }

    @Test(
        "PyYAML (a YAML 1.1 reader) reads every tricky string back unchanged",
        .enabled(if: pythonReady, "skipped: python3 with the 'yaml' and 'jsonschema' modules is not installed"))
    func pyYAMLAgrees() throws {
        let file = GoldenFile.folder.appendingPathComponent("pipeline-strings/expected.yaml").path
        let script = """
            import json, sys, yaml
            document = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            print(json.dumps([[a["name"], a["value"]] for a in document["pipeline"]["attributes"]]))
            """
        let result = try #require(Self.run(["-c", script, file]))
        #expect(result.status == 0, "\(result.output)")
        let decoded = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]]
        let pairs = try #require(decoded)
        #expect(pairs.count == SampleStrings.cases.count)
        for (read, expected) in zip(pairs, SampleStrings.cases) {
            #expect(read == [expected.0, expected.1], "PyYAML read \(read) for \(expected)")
        }
    }
}
