import IR
import Importers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an export with ``HardenedXMLReader`` and prints throughput, element count and peak memory.
enum ReadCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let path = arguments.first else {
            printError("read needs a FILE")
            return 2
        }
        let baseline = statusBytes("VmRSS:")
        let start = monotonicSeconds()
        let result = HardenedXMLReader.read(contentsOf: path, expectedRoot: "POWERMART")
        let seconds = monotonicSeconds() - start
        let elements = result.root.map(countElements) ?? 0
        let peak = statusBytes("VmHWM:")
        let megabytesPerSecond = Double(result.byteCount) / 1_000_000 / seconds
        let ratio = result.byteCount > 0 ? Double(peak) / Double(result.byteCount) : 0
        print(
            "read \(path): \(result.byteCount) bytes in \(format(seconds, 3)) s = \(format(megabytesPerSecond, 1)) MB/s; "
                + "\(elements) elements; \(result.diagnostics.count) diagnostics; peak RSS "
                + "\(format(Double(peak) / 1_000_000, 1)) MB = \(format(ratio, 2))x input "
                + "(\(format(Double(baseline) / 1_000_000, 1)) MB before reading)")
        for diagnostic in result.diagnostics.prefix(10) { print("  \(diagnostic)") }
        withExtendedLifetime(result) {}
        return result.diagnostics.hasErrors ? 1 : 0
    }

    private static func countElements(_ node: XMLElementNode) -> Int {
        node.children.reduce(1) { $0 + countElements($1) }
    }
}
