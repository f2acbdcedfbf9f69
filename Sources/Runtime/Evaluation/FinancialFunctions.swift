import Foundation

extension FunctionLibrary {
    /// §3.4.10 financial functions: the spreadsheet annuity formulas over doubles, with the
    /// reference's argument orders (NPER takes present before payment). `future` defaults to 0 and
    /// `type` to 0 (payments at the end of each period; non-zero: at the beginning) [BELIEVED]. Any
    /// NULL argument gives NULL; a result that is not a finite number is a row error.
    static let financialFunctions: [String: FunctionSpec] = [
        "FV": annuity { a in Annuity.futureValue(rate: a[0], terms: a[1], payment: a[2], present: a[3], due: a[4]) },
        "NPER": annuity { a in Annuity.periods(rate: a[0], present: a[1], payment: a[2], future: a[3], due: a[4]) },
        "PMT": annuity { a in Annuity.payment(rate: a[0], terms: a[1], present: a[2], future: a[3], due: a[4]) },
        "PV": annuity { a in Annuity.presentValue(rate: a[0], terms: a[1], payment: a[2], future: a[3], due: a[4]) },
        "RATE": annuity { a in Annuity.rate(terms: a[0], payment: a[1], present: a[2], future: a[3], due: a[4]) },
    ]

    /// A financial function of three to five arguments; `f` receives five doubles (missing ones 0,
    /// the type as 0 or 1) and returns nil when it has no result.
    private static func annuity(_ f: @escaping @Sendable ([Double]) -> Double?) -> FunctionSpec {
        FunctionSpec(3, 5) { r in
            let args = FunctionArguments(r)
            return strictMany { values throws(RowError) in
                var numbers: [Double] = []
                for value in values { numbers.append(try args.double(value)) }
                if values.count > 4 { numbers[4] = try args.flag(values[4]) ? 1 : 0 }
                while numbers.count < 5 { numbers.append(0) }
                guard let result = f(numbers), result.isFinite else {
                    throw args.invalid(
                        "no finite result for \(numbers.prefix(values.count).map(ValueConversion.doubleText))")
                }
                return .double(result)
            }
        }
    }
}

/// The annuity equation `present·(1+r)^n + payment·(1+r·due)·((1+r)^n − 1)/r + future = 0`
/// (with `present + payment·n + future = 0` when r = 0), solved for each of its unknowns.
enum Annuity {
    /// RATE's Newton iteration stops when a step is smaller than this.
    static let rateTolerance = 1e-10
    /// RATE gives up (row error) after this many steps.
    static let rateIterations = 100
    /// RATE's first guess, as spreadsheets use.
    static let rateGuess = 0.1

    /// FV(rate, terms, payment, present, type).
    static func futureValue(rate: Double, terms: Double, payment: Double, present: Double, due: Double) -> Double? {
        if rate == 0 { return -(present + payment * terms) }
        let growth = pow(1 + rate, terms)
        return -(present * growth + payment * (1 + rate * due) * (growth - 1) / rate)
    }

    /// PV(rate, terms, payment, future, type).
    static func presentValue(rate: Double, terms: Double, payment: Double, future: Double, due: Double) -> Double? {
        if rate == 0 { return -(future + payment * terms) }
        let growth = pow(1 + rate, terms)
        return -(future + payment * (1 + rate * due) * (growth - 1) / rate) / growth
    }

    /// PMT(rate, terms, present, future, type).
    static func payment(rate: Double, terms: Double, present: Double, future: Double, due: Double) -> Double? {
        guard terms != 0 else { return nil }
        if rate == 0 { return -(present + future) / terms }
        let growth = pow(1 + rate, terms)
        return -(present * growth + future) * rate / ((1 + rate * due) * (growth - 1))
    }

    /// NPER(rate, present, payment, future, type).
    static func periods(rate: Double, present: Double, payment: Double, future: Double, due: Double) -> Double? {
        if rate == 0 { return payment == 0 ? nil : -(present + future) / payment }
        let adjusted = payment * (1 + rate * due)
        let ratio = (adjusted - future * rate) / (adjusted + present * rate)
        guard ratio > 0 else { return nil }
        return log(ratio) / log(1 + rate)
    }

    /// RATE(terms, payment, present, future, type): Newton's method on the annuity equation from
    /// ``rateGuess``, until a step is below ``rateTolerance``; nil when it does not converge within
    /// ``rateIterations`` steps or leaves the domain (rate ≤ −1).
    static func rate(terms: Double, payment: Double, present: Double, future: Double, due: Double) -> Double? {
        var r = rateGuess
        for _ in 0..<rateIterations {
            let (value, slope) = equation(r, terms: terms, payment: payment, present: present, future: future, due: due)
            guard slope != 0, slope.isFinite, value.isFinite else { return nil }
            let next = r - value / slope
            guard next > -1, next.isFinite else { return nil }
            if abs(next - r) < rateTolerance { return next }
            r = next
        }
        return nil
    }

    /// The annuity equation's value and derivative at rate `r` (r = 0 uses the limits).
    private static func equation(
        _ r: Double, terms n: Double, payment: Double, present: Double, future: Double, due: Double
    ) -> (Double, Double) {
        if abs(r) < 1e-12 {
            return (present + payment * n + future, present * n + payment * (n * (n - 1) / 2 + due * n))
        }
        // expm1/log1p keep (1+r)^n − 1 exact near r = 0, where Newton ends when the rate is 0.
        let growthLess1 = expm1(n * log1p(r))
        let growth = growthLess1 + 1
        let growthSlope = n * growth / (1 + r)
        let annuity = growthLess1 / r
        let annuitySlope = (growthSlope * r - growthLess1) / (r * r)
        let value = present * growth + payment * (1 + r * due) * annuity + future
        let slope = present * growthSlope + payment * (due * annuity + (1 + r * due) * annuitySlope)
        return (value, slope)
    }
}
