#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generates cdr.csv for the telecom demo (Examples/telecom): deterministic for a seed.
///
/// About rows / 20 subscribers (MSISDN `49176` + 8 digits) with skewed activity (subscriber index
/// = S·u³, so the busiest 1 % make about a fifth of the calls), calls over three days, 4 % unanswered
/// (0 s), durations otherwise exponential with a 150 s mean. About 2 % of calls come from test
/// numbers (`999…` or the two listed drive-test SIMs), 1 % carry a tariff code missing from
/// tariffs.csv (or an empty one), 5 % are roaming (`Y`, sometimes `y`), 4 % of home calls have a
/// blank ROAMING_FLAG, 3 % an empty CELL_ID, 3 % an MSISDN padded with blanks inside quotes. About
/// 0.01 % are bad rows (non-numeric DURATION_SEC or impossible CALL_START); rows 17 and 42 are
/// always bad so that small files show both kinds too.
struct CDRGenerator {
    /// The header line of cdr.csv.
    static let header: StaticString =
        "CALL_ID,CALLER_MSISDN,CALLED_NUMBER,CALL_START,DURATION_SEC,TARIFF_CODE,ROAMING_FLAG,CELL_ID\n"
    private static let msisdnLength = 13

    private var random: SeededGenerator
    private let subscriberCount: Int
    /// MSISDNs of all subscribers, 13 bytes each.
    private var msisdns: [UInt8]
    /// Home tariff (index into ``CDRCatalog/tariffs``) of each subscriber.
    private var plans: [Int]

    /// Prepares `subscribers` subscribers from `seed`.
    init(seed: UInt64, subscribers: Int) {
        random = SeededGenerator(seed: seed)
        subscriberCount = max(subscribers, 1)
        msisdns = []
        msisdns.reserveCapacity(subscriberCount * Self.msisdnLength)
        plans = []
        plans.reserveCapacity(subscriberCount)
        for index in 0..<subscriberCount {
            // (i · 7919731 + 31415926) mod 10^8 is a bijection (7919731 is prime to 10): MSISDNs are unique.
            var digits = (index &* 7_919_731 &+ 31_415_926) % 100_000_000
            var number = Array("49176".utf8) + [UInt8](repeating: 0, count: 8)
            for position in stride(from: 12, through: 5, by: -1) {
                number[position] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
            }
            msisdns += number
            plans.append(Self.homePlan(percentile: random.below(100)))
        }
    }

    private static func homePlan(percentile: Int) -> Int {
        var bound = 0
        for plan in CDRCatalog.homePlans {
            bound += plan.percent
            if percentile < bound { return plan.tariff }
        }
        return CDRCatalog.homePlans[0].tariff
    }

    /// Writes the header and `rows` rows to `out`.
    mutating func write(rows: Int, to out: CDRByteWriter) {
        out.text(Self.header)
        guard rows > 0 else { return }
        for row in 1...rows {
            out.reserveRow()
            writeRow(row, to: out)
        }
    }

    private mutating func writeRow(_ row: Int, to out: CDRByteWriter) {
        let forcedBad = row == 17 ? 1 : row == 42 ? 2 : 0
        let badKind = forcedBad != 0 ? forcedBad : (random.below(10_000) == 0 ? 1 + random.below(2) : 0)
        let roaming = random.below(100) < 5
        out.number(100_000_000_000 + row)
        out.byte(UInt8(ascii: ","))
        let caller = writeCaller(to: out)
        out.byte(UInt8(ascii: ","))
        writeCalledNumber(roaming: roaming, to: out)
        out.byte(UInt8(ascii: ","))
        if badKind == 2 { out.text(random.choose(CDRCatalog.badStarts)) } else { writeStart(to: out) }
        out.byte(UInt8(ascii: ","))
        if badKind == 1 { out.text(random.choose(CDRCatalog.badDurations)) } else { writeDuration(to: out) }
        out.text(",\"")
        writeTariff(roaming: roaming, caller: caller, to: out)
        out.text("\",")
        writeRoamingFlag(roaming: roaming, to: out)
        out.byte(UInt8(ascii: ","))
        writeCell(roaming: roaming, to: out)
        out.byte(UInt8(ascii: "\n"))
    }

    /// Writes CALLER_MSISDN; returns the subscriber index, or nil for a test number.
    private mutating func writeCaller(to out: CDRByteWriter) -> Int? {
        let padding = random.below(100) < 3 ? 1 + random.below(2) : 0
        if padding == 1 { out.text("\"  ") } else if padding == 2 { out.byte(UInt8(ascii: "\"")) }
        var subscriber: Int?
        if random.below(100) < 2 {
            if random.below(10) < 3 {
                out.text(random.choose(CDRCatalog.listedTestNumbers))
            } else {
                out.text("999")
                out.number(random.below(50) * 7_919 + 100_000, width: 9)
            }
        } else {
            let unit = random.unit()
            let index = min(Int(unit * unit * unit * Double(subscriberCount)), subscriberCount - 1)
            let start = index * Self.msisdnLength
            out.bytes(msisdns[start..<start + Self.msisdnLength])
            subscriber = index
        }
        if padding == 1 { out.byte(UInt8(ascii: "\"")) } else if padding == 2 { out.text(" \"") }
        return subscriber
    }

    private mutating func writeCalledNumber(roaming: Bool, to out: CDRByteWriter) {
        if roaming && random.below(2) == 0 {
            out.text("+33")
            out.number(random.below(1_000_000_000), width: 9)
        } else {
            out.byte(UInt8(ascii: "0"))
            out.number(random.below(10_000_000_000), width: 10)
        }
    }

    private mutating func writeStart(to out: CDRByteWriter) {
        out.text(random.choose(CDRCatalog.days))
        out.byte(UInt8(ascii: " "))
        let hour = random.below(100) < 80 ? 7 + random.below(16) : random.below(24)
        out.number(hour, width: 2)
        out.byte(UInt8(ascii: ":"))
        out.number(random.below(60), width: 2)
        out.byte(UInt8(ascii: ":"))
        out.number(random.below(60), width: 2)
    }

    private mutating func writeDuration(to out: CDRByteWriter) {
        if random.below(100) < 4 {
            out.byte(UInt8(ascii: "0"))
        } else {
            out.number(min(Int(-log(1 - random.unit()) * 150) + 1, 14_400))
        }
    }

    private mutating func writeTariff(roaming: Bool, caller: Int?, to out: CDRByteWriter) {
        if random.below(100) == 0 {
            out.text(random.choose(CDRCatalog.unknownTariffs))
        } else if roaming {
            out.text(CDRCatalog.tariffs[random.below(5) < 4 ? CDRCatalog.roamingEU : CDRCatalog.roamingWorld].code)
        } else {
            out.text(CDRCatalog.tariffs[caller.map { plans[$0] } ?? 0].code)
        }
    }

    private mutating func writeRoamingFlag(roaming: Bool, to out: CDRByteWriter) {
        if roaming {
            out.text(random.below(20) == 0 ? "y" : "Y")
        } else if random.below(100) >= 4 {
            out.byte(UInt8(ascii: "N"))
        }
    }

    private mutating func writeCell(roaming: Bool, to out: CDRByteWriter) {
        guard random.below(100) >= 3 else { return }
        out.text(roaming ? "208-01-" : "262-07-")
        out.number(1_000 + random.below(9_000))
        out.byte(UInt8(ascii: "-"))
        out.number(random.below(65_536), width: 5)
    }
}

extension SeededGenerator {
    /// A random integer in `0..<bound` by multiply-shift, cheaper than `Int.random(in:using:)` (the
    /// bias is below 2^-40 for the generator's bounds).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A random double in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A random element of `items` (through ``below(_:)``).
    mutating func choose<T>(_ items: [T]) -> T { items[below(items.count)] }
}
