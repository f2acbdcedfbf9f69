/// The transformation language's functions as data (reference §3.4), looked up case-insensitively.
///
/// Functions the reference says are not PowerCenter functions (`TRIM`, `NVL`, `NVL2`, `CAST`) are
/// absent on purpose, so a call to them is an unknown function.
public enum FunctionCatalog {
    /// Every entry, grouped by category in reference order.
    public static let all: [FunctionEntry] =
        characterFunctions + conversionFunctions + dateFunctions + numericFunctions + scientificFunctions
        + specialFunctions + testFunctions + variableFunctions + aggregateFunctions + financialFunctions
        + encodingFunctions

    private static let byName: [String: FunctionEntry] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for a function name in any case, or nil when the language has no such function.
    public static func entry(named name: String) -> FunctionEntry? {
        byName[name.uppercased()]
    }

    /// The catalog name closest to `name` (by edit distance), for "did you mean" suggestions;
    /// nil when nothing is reasonably close.
    public static func closestName(to name: String) -> String? {
        let upper = name.uppercased()
        var best: (name: String, distance: Int)?
        for entry in all {
            let distance = editDistance(Array(upper), Array(entry.name))
            if distance < (best?.distance ?? Int.max) { best = (entry.name, distance) }
        }
        guard let found = best, found.distance <= max(2, upper.count / 3) else { return nil }
        return found.name
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Types the catalog's result rules use.
enum CatalogTypes {
    /// `date/time` with nanoseconds, PowerCenter's only date type.
    static let date = DataType.dateTime(precision: 29, scale: 9)
    /// The sites where mapping-variable functions may be used (reference §3.4.8, S30b).
    static let variableSites: Set<ExpressionSite> = [.expression, .filter, .router, .updateStrategy]
    /// The sites where aggregate functions may be used (reference §3.4.9).
    static let aggregateSites: Set<ExpressionSite> = [.aggregator, .rank]
}

extension FunctionParameter {
    static let string = FunctionParameter(.string)
    static let numeric = FunctionParameter(.numeric)
    static let integer = FunctionParameter(.integer)
    static let date = FunctionParameter(.date)
    static let any = FunctionParameter(.any)
    static let result = FunctionParameter(.result)
    static let condition = FunctionParameter(.condition)
    static let dateFormat = FunctionParameter(.dateFormat)
    static let datePart = FunctionParameter(.datePart)
    static let flag = FunctionParameter(.flag)
    static let mappingVariable = FunctionParameter(.mappingVariable)
    static let bytes = FunctionParameter(.bytes)
    static let numberText = FunctionParameter(.numberText)

    /// The same position, optional.
    static func optional(_ kind: ArgumentKind) -> FunctionParameter {
        FunctionParameter(kind, optional: true)
    }
}
