#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Benchmark harness entry point (see Benchmarks/README.md).
///
///     migrate-bench generate-export (--megabytes N | --mappings N) [--encoding utf-8|windows-1252] [--seed S] --out FILE
///     migrate-bench read FILE
///     migrate-bench import FILE
///     migrate-bench eval (--generate FILE [--rows N] [--seed S] | FILE [--show N] [--per-port])
@main
struct MigrateBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "generate-export": exit(GenerateExportCommand.run(Array(arguments.dropFirst())))
        case "read": exit(ReadCommand.run(Array(arguments.dropFirst())))
        case "import": exit(ImportCommand.run(Array(arguments.dropFirst())))
        case "eval": exit(EvalCommand.run(Array(arguments.dropFirst())))
        case "cdr-data": exit(CDRDataCommand.run(Array(arguments.dropFirst())))
        case "flatfile": exit(FlatFileBenchCommand.run(Array(arguments.dropFirst())))
        case "diff": exit(DiffBenchCommand.run(Array(arguments.dropFirst())))
        case "sqlgen": exit(SQLGenCommand.run(Array(arguments.dropFirst())))
        default:
            printError(
                "usage: migrate-bench generate-export (--megabytes N | --mappings N) [--encoding utf-8|windows-1252] "
                    + "[--seed S] --out FILE\n       migrate-bench read FILE\n       migrate-bench import FILE\n"
                    + "       migrate-bench sqlgen FOLDER [--runs N] [--all-dialects-only] [--per-pipeline N]\n       migrate-bench diff [--nodes N] [--repeat R]\n"
                    + "       migrate-bench eval (--generate FILE [--rows N] [--seed S] | FILE [--show N] [--per-port])"
            )
            exit(2)
        }
    }
}

/// Prints `message` on standard error.
func printError(_ message: String) {
    var text = message + "\n"
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// The value after `--name` in `arguments`, if present.
func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Generates a PowerCenter-like export.
enum GenerateExportCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let megabytes = option("--megabytes", in: arguments).flatMap(Int.init)
        let mappings = option("--mappings", in: arguments).flatMap(Int.init)
        let seed = option("--seed", in: arguments).flatMap(UInt64.init) ?? 42
        guard let out = option("--out", in: arguments), megabytes != nil || mappings != nil,
            let encoding = ExportWriter.Encoding(rawValue: option("--encoding", in: arguments) ?? "utf-8")
        else {
            printError(
                "generate-export needs --megabytes N or --mappings N, --out FILE, and --encoding utf-8|windows-1252")
            return 2
        }
        guard let writer = ExportWriter(path: out, encoding: encoding) else {
            printError("cannot create '\(out)'")
            return 1
        }
        var generator = ExportGenerator(seed: seed, writer: writer, encoding: encoding)
        let written = generator.writeExport(mappings: mappings, bytes: megabytes.map { $0 * 1_000_000 })
        writer.close()
        print("wrote \(out): \(written) mappings, \(writer.byteCount) bytes, \(encoding.rawValue)")
        return 0
    }
}
