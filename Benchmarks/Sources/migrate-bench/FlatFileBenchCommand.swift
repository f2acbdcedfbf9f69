import IR
import Runtime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `migrate-bench flatfile (--rows N [--seed S] [--dir DIR] | FILE) [--typed] [--chunk-rows N] [--skip-old]`:
/// reads a telecom cdr.csv (generated with N rows, or the given file) with the streaming
/// byte-level reader and with the reference reader, and prints rows/s, MB/s, the ratio and
/// the peak RSS of the streaming read (measured first, before the reference holds the file).
enum FlatFileBenchCommand {
    /// The usage line.
    static let usage =
        "migrate-bench flatfile (--rows N [--seed S] [--dir DIR] | FILE) [--typed] [--chunk-rows N] [--skip-old]"

    /// Runs the command; returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let path = inputPath(arguments) else { return 2 }
        let typed = arguments.contains("--typed")
        let chunkRows = option("--chunk-rows", in: arguments).flatMap(Int.init) ?? 65_536
        let reader = FlatFileReader(format: cdrFormat, ports: typed ? typedPorts : stringPorts, settings: settings)
        let bytes = fileSize(path)
        let baseline = statusBytes("VmRSS:")
        var counts: (rows: Int, errors: Int) = (0, 0)
        var seconds: [Double] = []
        for allowsTwoThreads in [true, false] {
            var threaded = reader
            threaded.allowsTwoThreads = allowsTwoThreads
            guard let result = timedStreamingRead(threaded, path: path, chunkRows: chunkRows) else { return 1 }
            if allowsTwoThreads {
                print(
                    "  peak RSS of the streaming read \(format(Double(statusBytes("VmHWM:")) / 1e6, 1)) MB ("
                        + "\(format(Double(baseline) / 1e6, 1)) MB before), file \(format(Double(bytes) / 1e6, 1)) MB")
            }
            let name = "new (streaming, chunks of \(chunkRows), \(allowsTwoThreads ? "two threads" : "one thread"))"
            report(name, rows: result.rows, errors: result.errors, bytes: bytes, seconds: result.seconds)
            counts = (result.rows, result.errors)
            seconds.append(result.seconds)
        }
        let new = seconds.min() ?? 1
        let (rows, errors) = counts
        guard !arguments.contains("--skip-old") else { return 0 }
        return compareWithReference(reader, path: path, bytes: bytes, newSeconds: new, rows: rows, errors: errors)
    }

    private static func timedStreamingRead(
        _ reader: FlatFileReader, path: String, chunkRows: Int
    ) -> (rows: Int, errors: Int, seconds: Double)? {
        var rows = 0
        var errors = 0
        let started = monotonicSeconds()
        do {
            try reader.read(path: path, chunkRows: chunkRows) { chunk in
                rows += chunk.rows.rows.count
                errors += chunk.errors.count
            }
        } catch {
            printError("cannot read '\(path)': \(error)")
            return nil
        }
        return (rows, errors, monotonicSeconds() - started)
    }

    private static func compareWithReference(
        _ reader: FlatFileReader, path: String, bytes: Int, newSeconds: Double, rows: Int, errors: Int
    ) -> Int32 {
        let started = monotonicSeconds()
        guard let contents = fileBytes(path) else {
            printError("cannot read '\(path)'")
            return 1
        }
        let old = reader.referenceRead(bytes: contents)
        let seconds = monotonicSeconds() - started
        report(
            "old (reference, whole file)", rows: old.rows.rows.count, errors: old.errors.count, bytes: bytes,
            seconds: seconds)
        print("  speed-up new (faster of the two)/old: \(format(seconds / newSeconds, 1))x")
        guard old.rows.rows.count == rows, old.errors.count == errors else {
            printError("row or error counts differ between old and new")
            return 1
        }
        return 0
    }

    private static func report(_ name: String, rows: Int, errors: Int, bytes: Int, seconds: Double) {
        print(
            "\(name): \(rows) rows, \(errors) row errors in \(format(seconds, 3)) s = "
                + "\(format(Double(rows) / seconds / 1e6, 2)) M rows/s, \(format(Double(bytes) / seconds / 1e6, 1)) MB/s"
        )
    }

    /// The file to read: FILE, or a cdr.csv generated with `--rows N` in `--dir` (default /tmp).
    private static func inputPath(_ arguments: [String]) -> String? {
        guard let rows = option("--rows", in: arguments).flatMap(Int.init) else {
            guard let file = arguments.first, !file.hasPrefix("--") else {
                printError("usage: \(usage)")
                return nil
            }
            return file
        }
        let directory = option("--dir", in: arguments) ?? "/tmp/migrate-bench-flatfile"
        let seed = option("--seed", in: arguments) ?? "42"
        guard CDRDataCommand.run(["--rows", String(rows), "--seed", seed, "--out", directory]) == 0 else { return nil }
        return directory + "/cdr.csv"
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    private static func fileBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: fileSize(path))
        let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        return count == bytes.count ? bytes : nil
    }

    /// The cdr.csv layout of Examples/telecom/telecom_cdr.XML.
    static let cdrFormat = FlatFileFormat(
        delimited: true, delimiters: ",", quote: "DOUBLE", escape: nil, skipRows: 1, codePage: "UTF-8",
        attributes: [Attribute("NULL_CHARACTER", "*")])

    /// The source definition's ports: all strings.
    static let stringPorts = [
        port("CALL_ID", .string(precision: 20)), port("CALLER_MSISDN", .string(precision: 20)),
        port("CALLED_NUMBER", .string(precision: 20)), port("CALL_START", .string(precision: 19)),
        port("DURATION_SEC", .string(precision: 10)), port("TARIFF_CODE", .string(precision: 12)),
        port("ROAMING_FLAG", .string(precision: 1)), port("CELL_ID", .string(precision: 20)),
    ]

    /// The same columns typed: big integer id, date start, integer duration.
    static let typedPorts = [
        port("CALL_ID", .bigInteger), port("CALLER_MSISDN", .string(precision: 20)),
        port("CALLED_NUMBER", .string(precision: 20)), port("CALL_START", .dateTime(precision: 19, scale: 0)),
        port("DURATION_SEC", .integer), port("TARIFF_CODE", .string(precision: 12)),
        port("ROAMING_FLAG", .string(precision: 1)), port("CELL_ID", .string(precision: 20)),
    ]

    private static func port(_ name: String, _ type: DataType) -> IR.Port {
        IR.Port(name: name, type: type, roles: .output, provenance: .synthesized)
    }

    private static let settings: EvaluationSettings = {
        let start = DateTimeValue(day: 0, nanosecond: 0)
        var settings = EvaluationSettings(sessionStart: start, now: start, currentYear: 2024)
        settings.dateTimeFormat = "YYYY-MM-DD HH24:MI:SS"
        return settings
    }()
}
