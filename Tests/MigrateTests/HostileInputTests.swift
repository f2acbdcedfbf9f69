import Foundation
import Testing

/// Each hostile input gives a diagnostic and exit status 1 quickly, and nothing outside the input is read.
@Suite struct HostileInputTests {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static let cases: [(name: String, bytes: [UInt8])] = [
        (
            "xxe.xml",
            Array(
                (header + """
                    <!DOCTYPE POWERMART [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                    <POWERMART><REPOSITORY NAME="&x;"><FOLDER NAME="f">&x;</FOLDER></REPOSITORY></POWERMART>
                    """).utf8)
        ),
        (
            "billion-laughs.xml",
            Array(
                (header + """
                    <!DOCTYPE POWERMART [
                    <!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                    <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                    <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
                    <POWERMART CREATION_DATE="&g;"/>
                    """).utf8)
        ),
        (
            "external-dtd.xml",
            Array(
                (header + """
                    <!DOCTYPE POWERMART SYSTEM "http://127.0.0.1:9/evil.dtd">
                    <POWERMART><REPOSITORY NAME="r"/></POWERMART>
                    """).utf8)
        ),
        (
            "truncated.xml",
            Array(
                (header + "<POWERMART CREATION_DATE=\"x\"><REPOSITORY NAME=\"r\"><FOLDER NAME=\"f\"><SOURCE NAME").utf8)
        ),
        ("wrong-root.xml", Array((header + "<html><body>not an export</body></html>").utf8)),
        (
            "bad-bytes.xml",
            Array((header + "<POWERMART><REPOSITORY NAME=\"").utf8) + [0xFF, 0xFE] + Array("\"/></POWERMART>".utf8)
        ),
        ("empty.xml", []),
        ("not-xml.xml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("IHDR garbage".utf8)),
    ]

    @Test(arguments: cases.map(\.name)) func hostileInputGivesADiagnosticAndExitOne(name: String) throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bytes = Self.cases.first { $0.name == name }!.bytes
        let input = scratch.appendingPathComponent(name)
        try Data(bytes).write(to: input)
        let out = scratch.appendingPathComponent("out")
        let result = try runMigrate(["convert", input.path, "--out", out.path, "--diagnostics", "json"])
        #expect(result.status == 1, "exit status for \(name): \(result.stderr)")
        #expect(result.stderr.contains("\"severity\" : \"error\""), "no error diagnostic for \(name): \(result.stderr)")
        #expect(result.stderr.contains(name), "the diagnostic must name the file")
        #expect(!result.stdout.contains("root:x:0:0") && !result.stderr.contains("root:x:0:0"), "/etc/passwd leaked")
        let written = treeContents(out).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!written.contains { $0.contains("root:x:0:0") }, "/etc/passwd leaked into an output")
        // A guard against hangs and blow-ups, not a speed measurement: each case takes milliseconds.
        #expect(result.seconds < 10, "\(name) took \(result.seconds) s")
        print("hostile \(name): exit \(result.status) in \(String(format: "%.3f", result.seconds)) s")
    }
}
