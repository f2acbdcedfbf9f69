/// The fixed vocabulary of the telecom CDR demo data (Examples/telecom): tariffs, test numbers and
/// the malformed values that make bad rows.
enum CDRCatalog {
    /// One line of tariffs.csv.
    struct Tariff {
        /// TARIFF_CODE.
        var code: StaticString
        /// TARIFF_NAME, written in double quotes (one contains a comma).
        var name: StaticString
        /// RATE_PER_MIN, EUR per started minute with 4 decimals.
        var rate: StaticString
    }

    /// tariffs.csv, in file order. `OLD_2019` is in the file but no call uses it.
    static let tariffs: [Tariff] = [
        Tariff(code: "STD", name: "Standard", rate: "0.0900"),
        Tariff(code: "SMART_S", name: "Smart S", rate: "0.0450"),
        Tariff(code: "SMART_L", name: "Smart L", rate: "0.0190"),
        Tariff(code: "BIZ", name: "Business Flex", rate: "0.0750"),
        Tariff(code: "YOUTH", name: "Youth, 25 and under", rate: "0.0290"),
        Tariff(code: "ROAM_EU", name: "EU Roaming", rate: "0.1250"),
        Tariff(code: "ROAM_WORLD", name: "World Roaming", rate: "1.4900"),
        Tariff(code: "OLD_2019", name: "Legacy 2019", rate: "0.1900"),
    ]

    /// Home plans with their share of subscribers in percent (indexes into ``tariffs``).
    static let homePlans: [(tariff: Int, percent: Int)] = [(0, 45), (1, 20), (2, 15), (3, 12), (4, 8)]
    /// Index of `ROAM_EU` (80 % of roaming calls) and `ROAM_WORLD` in ``tariffs``.
    static let roamingEU = 5
    static let roamingWorld = 6

    /// Tariff codes missing from tariffs.csv (lookup misses), repeated to weight them 40/40/20; the
    /// empty code is written as `""`.
    static let unknownTariffs: [StaticString] = ["LEGACY_07", "PROMO_X", "LEGACY_07", "PROMO_X", ""]

    /// The two drive-test SIMs listed by name in EXP_PREPARE's test-number flag.
    static let listedTestNumbers: [StaticString] = ["491700000000", "491709999999"]

    /// DURATION_SEC values that are not numbers (IS_NUMBER is false: the row is a row error).
    static let badDurations: [StaticString] = ["abc", "12s", "N/A"]

    /// CALL_START values that are not dates in `YYYY-MM-DD HH24:MI:SS` (IS_DATE is false).
    static let badStarts: [StaticString] = [
        "2026-11-31 10:15:00", "2026-11-28 24:05:00", "2026-13-01 08:00:00", "2026-02-30 12:00:00",
    ]

    /// The call days (2026-11-27 … 2026-11-29).
    static let days: [StaticString] = ["2026-11-27", "2026-11-28", "2026-11-29"]

    /// Writes tariffs.csv; false when it cannot be written.
    static func writeTariffs(to path: String) -> Bool {
        guard let out = CDRByteWriter(path: path) else { return false }
        out.text("TARIFF_CODE,TARIFF_NAME,RATE_PER_MIN\n")
        for tariff in tariffs {
            out.text(tariff.code)
            out.text(",\"")
            out.text(tariff.name)
            out.text("\",")
            out.text(tariff.rate)
            out.byte(UInt8(ascii: "\n"))
        }
        return out.close()
    }
}
