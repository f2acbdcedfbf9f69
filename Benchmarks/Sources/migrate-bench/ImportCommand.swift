import IR
import Importers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Imports an export all the way to IR with ``PowerCenterImporter`` and prints throughput, object
/// counts and peak memory.
enum ImportCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let path = arguments.first else {
            printError("import needs a FILE")
            return 2
        }
        let bytes = fileSize(path)
        let start = monotonicSeconds()
        let result = PowerCenterImporter().importFile(atPath: path)
        let seconds = monotonicSeconds() - start
        let peak = statusBytes("VmHWM:")
        let nodes = result.pipelines.reduce(0) { $0 + $1.nodes.count }
        print(
            "import \(path): \(bytes) bytes in \(format(seconds, 3)) s = \(format(Double(bytes) / 1_000_000 / seconds, 1)) MB/s; "
                + "\(result.pipelines.count) pipelines, \(nodes) nodes, \(result.workflows.count) workflows; "
                + "\(result.diagnostics.count) diagnostics; conserved \(result.isConserved); peak RSS "
                + "\(format(Double(peak) / 1_000_000, 1)) MB = \(format(Double(peak) / Double(max(bytes, 1)), 2))x input"
        )
        withExtendedLifetime(result) {}
        return result.diagnostics.hasErrors ? 1 : 0
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
