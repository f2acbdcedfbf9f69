/// A constant TO_DATE format made only of numeric fields (`YYYY`, `MM`, `DD`, `HH24`, `MI`, `SS`,
/// ...) and ASCII literals, read straight from the text's UTF-8 bytes.
///
/// It reads exactly as ``DateTextParser`` does (greedy 1 to width digits, range checks, literals
/// matched exactly, the whole text consumed) and then resolves the fields with the same
/// ``ParsedDateFields``. Whenever anything is unusual (non-ASCII text, a carriage return, a
/// mismatch, a value out of range, a date that does not exist) it gives nil and the caller runs the
/// general parser, which then produces the same result or the same row error.
struct NumericDatePattern: Sendable {
    private enum Step: Sendable {
        case number(DatePattern.Field, width: Int, range: ClosedRange<Int>)
        case literal(UInt8)
    }

    private let steps: [Step]
    private let text: String

    /// The fast form of `pattern`; nil when it has names, AM/PM, fractions or non-ASCII literals,
    /// or when separators need not match exactly.
    init?(_ pattern: DatePattern, options: DateFormat.ParseOptions = DateFormat.ParseOptions()) {
        guard options.separatorsMustMatch else { return nil }
        var steps: [Step] = []
        for element in pattern.elements {
            switch element {
            case .literal(let literal):
                for byte in literal.utf8 {
                    guard byte < 0x80, byte != 0x0D, byte != 0x0A else { return nil }
                    steps.append(.literal(byte))
                }
            case .field(let field, _):
                guard let (width, range) = DateTextParser.numberRules[field] else { return nil }
                steps.append(.number(field, width: width, range: range))
            }
        }
        self.steps = steps
        text = pattern.text
    }

    /// The date `input` names, or nil to let the general parser decide.
    func parse(_ input: String, currentYear: Int) -> DateTimeValue? {
        var fields = ParsedDateFields()
        let read: Bool? = input.utf8.withContiguousStorageIfAvailable { bytes in
            var position = 0
            for step in steps {
                switch step {
                case .literal(let expected):
                    guard position < bytes.count, bytes[position] == expected else { return false }
                    position += 1
                case .number(let field, let width, let range):
                    var number = 0
                    var digits = 0
                    while digits < width, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                        number = number * 10 + Int(bytes[position] - 0x30)
                        digits += 1
                        position += 1
                    }
                    guard digits > 0, range.contains(number) else { return false }
                    guard position >= bytes.count || bytes[position] < 0x80 else { return false }
                    fields.store(number, digitCount: digits, for: field)
                }
            }
            return position == bytes.count
        }
        guard read == true else { return nil }
        return try? fields.resolve(currentYear: currentYear, text: input, pattern: text)
    }
}
