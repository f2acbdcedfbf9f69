import Foundation

/// The seeds a randomized test runs: its fixed range, or the range an environment variable names
/// (`first-last`) to explore more.
enum FuzzSeeds {
    static func named(_ variable: String, otherwise range: ClosedRange<UInt64>) -> [UInt64] {
        let bounds = ProcessInfo.processInfo.environment[variable]?.split(separator: "-").compactMap { UInt64($0) }
        guard let bounds, bounds.count == 2, bounds[0] <= bounds[1] else { return Array(range) }
        return Array(bounds[0]...bounds[1])
    }
}
