#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `migrate-bench cdr-data --rows N [--seed S] --out DIR`: writes DIR/cdr.csv (header + N rows) and
/// DIR/tariffs.csv for the telecom demo (Examples/telecom); the same seed gives the same bytes.
enum CDRDataCommand {
    /// The usage line.
    static let usage = "migrate-bench cdr-data --rows N [--seed S] --out DIR"

    /// Runs the command; returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let rows = option("--rows", in: arguments).flatMap(Int.init), rows >= 0,
            let directory = option("--out", in: arguments)
        else {
            printError("usage: \(usage)")
            return 2
        }
        let seed = option("--seed", in: arguments).flatMap(UInt64.init) ?? 42
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            printError("cannot create directory '\(directory)'")
            return 1
        }
        let cdrPath = directory + "/cdr.csv"
        let tariffPath = directory + "/tariffs.csv"
        guard CDRCatalog.writeTariffs(to: tariffPath) else {
            printError("cannot write '\(tariffPath)'")
            return 1
        }
        guard let out = CDRByteWriter(path: cdrPath) else {
            printError("cannot create '\(cdrPath)'")
            return 1
        }
        let started = monotonicSeconds()
        var generator = CDRGenerator(seed: seed, subscribers: rows / 20)
        generator.write(rows: rows, to: out)
        guard out.close() else {
            printError("cannot write '\(cdrPath)'")
            return 1
        }
        let seconds = monotonicSeconds() - started
        let rate = seconds > 0 ? Double(rows) / seconds : 0
        print(
            "wrote \(cdrPath): \(rows) rows, \(out.byteCount) bytes in \(format(seconds, 2)) s "
                + "(\(format(rate / 1e6, 2)) M rows/s); \(tariffPath): \(CDRCatalog.tariffs.count) tariffs")
        return 0
    }
}
