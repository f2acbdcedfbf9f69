/// Where one field's bytes lie after ``FlatFileByteScanner`` split a record.
struct FlatFileFieldSpan: Sendable {
    /// Start of the field's content (input offset, or scratch offset when `inScratch`).
    var start: Int
    /// End of the field's content, exclusive.
    var end: Int
    /// Whether the content was copied to the scanner's scratch bytes (some bytes were dropped).
    var inScratch: Bool
    /// Whether the field was quoted.
    var quoted: Bool
}

/// Splits delimited records straight from bytes, with exactly the rules of ``FlatFileTokenizer``
/// (quotes, doubled quotes, escape character, consecutive delimiters, CR LF), for options whose
/// special characters are all ASCII (``FlatFileByteScanner/supports(_:)``).
///
/// A record is read from a buffer that may end before the file does: unless `atEnd`, a record
/// is complete only once its line feed is in the buffer, so every look-ahead a complete record
/// made (CR LF, doubled quote, escape, consecutive delimiters) saw real bytes; otherwise
/// ``scan(_:from:atEnd:)`` returns nil and keeps no state, and the caller refills and scans the
/// record again.
///
/// A field whose content is not one contiguous run of input bytes (a quote or escape character
/// was dropped inside it) is copied to ``scratch``; ``breaks`` holds the scratch offsets where
/// bytes were dropped, because the reference decodes the whole text before dropping characters,
/// so UTF-8 must be decoded piece by piece between those offsets.
struct FlatFileByteScanner {
    private let specials: FlatFileByteSet
    private let quote: UInt8?
    private let escape: UInt8?
    private let keepEscape: Bool
    private let consecutive: Bool
    private let delimiterSet: FlatFileByteSet

    /// The 1-based line the next record starts on.
    var line: Int
    /// The line the last scanned record starts on.
    private(set) var recordLine = 0
    /// The fields of the last scanned record.
    private(set) var fields: [FlatFileFieldSpan] = []
    /// Content bytes of fields that are not contiguous in the input.
    private(set) var scratch: [UInt8] = []
    /// Scratch offsets where bytes were dropped, ascending.
    private(set) var breaks: [Int] = []
    /// Whether the last scanned record ends inside an open quote.
    private(set) var unterminated = false

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Whether the byte scanner reproduces the tokenizer for `options`: delimited, and every
    /// delimiter, quote, escape and NULL character ASCII (delimiters, quote and escape not CR or LF).
    static func supports(_ options: FlatFileOptions) -> Bool {
        func plain(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return true }
            return scalar.value < 0x80 && scalar != "\n" && scalar != "\r"
        }
        let nullIsASCII = options.nullCharacter.map { $0.value < 0x80 } ?? true
        return options.delimited && options.delimiters.allSatisfy(plain) && plain(options.quote)
            && plain(options.escape) && nullIsASCII
    }

    /// A scanner for `options` (which ``supports(_:)``), starting at line `firstLine`.
    init(options: FlatFileOptions, firstLine: Int) {
        quote = options.quote.map { UInt8($0.value) }
        escape = options.escape.map { UInt8($0.value) }
        keepEscape = options.keepEscape
        consecutive = options.consecutiveDelimitersAsOne
        delimiterSet = FlatFileByteSet(options.delimiters.map { UInt8($0.value) })
        specials = FlatFileByteSet(
            options.delimiters.map { UInt8($0.value) }
                + [quote, escape, Self.lineFeed, Self.carriageReturn].compactMap { $0 })
        line = firstLine
    }

    /// Scans one record starting at `start`; returns the offset after it, or nil when the
    /// buffer ends first and `atEnd` is false (nothing is changed then).
    mutating func scan(_ input: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) -> Int? {
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
        var state = FieldState(start: start)
        var lines = 0
        var pos = start
        let end = input.count
        var inQuotes = false
        var ended = false
        while pos < end {
            let run = pos
            if inQuotes {
                while pos < end, input[pos] != quote, input[pos] != escape, input[pos] != Self.lineFeed { pos += 1 }
            } else {
                while pos < end, !specials.contains(input[pos]) { pos += 1 }
            }
            if pos > run { state.append(run..<pos, input, &scratch, &breaks) }
            if pos == end { break }
            let byte = input[pos]
            pos += 1
            let hasNext = pos < end
            if inQuotes {
                if byte == escape, byte != quote, hasNext {
                    pos = appendEscaped(at: pos, input, &state, &lines)
                } else if byte == quote {
                    if hasNext, input[pos] == byte {
                        state.append(pos..<pos + 1, input, &scratch, &breaks)
                        pos += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == Self.lineFeed { lines += 1 }
                    state.append(pos - 1..<pos, input, &scratch, &breaks)
                }
            } else if byte == escape, hasNext, input[pos] != Self.lineFeed {
                pos = appendEscaped(at: pos, input, &state, &lines)
            } else if byte == quote, state.isEmpty, !state.quoted {
                inQuotes = true
                state.quoted = true
            } else if delimiterSet.contains(byte) {
                fields.append(state.span)
                if consecutive {
                    while pos < end, delimiterSet.contains(input[pos]) { pos += 1 }
                }
                state = FieldState(start: pos)
            } else if byte == Self.lineFeed {
                lines += 1
                ended = true
                break
            } else if !(byte == Self.carriageReturn && hasNext && input[pos] == Self.lineFeed) {
                state.append(pos - 1..<pos, input, &scratch, &breaks)
            }
        }
        if !ended, !atEnd { return nil }
        fields.append(state.span)
        unterminated = inQuotes
        recordLine = line
        line += lines
        return pos
    }

    /// Appends the byte after an escape character at `pos` (and the escape with KEEPESCAPECHAR).
    private mutating func appendEscaped(
        at pos: Int, _ input: UnsafeBufferPointer<UInt8>, _ state: inout FieldState, _ lines: inout Int
    ) -> Int {
        if keepEscape { state.append(pos - 1..<pos, input, &scratch, &breaks) }
        if input[pos] == Self.lineFeed { lines += 1 }
        state.append(pos..<pos + 1, input, &scratch, &breaks)
        return pos + 1
    }

    /// Whether the last record is a blank line (one empty unquoted field, quotes closed).
    var isBlankRecord: Bool {
        fields.count == 1 && !unterminated && !fields[0].quoted && fields[0].start == fields[0].end
    }
}

/// A set of ASCII bytes as a 128-bit mask.
struct FlatFileByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The set of the ASCII bytes among `bytes`.
    init(_ bytes: [UInt8]) {
        for byte in bytes where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    /// Whether `byte` is in the set.
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        return byte < 128 && high & (1 << UInt64(byte & 63)) != 0
    }
}

/// The content of the field being scanned: a run of input bytes until a byte is dropped, then
/// a copy in the scratch bytes.
private struct FieldState {
    var start: Int
    var end: Int
    var inScratch = false
    var quoted = false

    init(start: Int) {
        self.start = start
        self.end = start
    }

    var isEmpty: Bool { start == end }

    var span: FlatFileFieldSpan { FlatFileFieldSpan(start: start, end: end, inScratch: inScratch, quoted: quoted) }

    /// Appends the input bytes `range`.
    mutating func append(
        _ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8], _ breaks: inout [Int]
    ) {
        if !inScratch {
            if start == end {
                (start, end) = (range.lowerBound, range.upperBound)
                return
            }
            if end == range.lowerBound {
                end = range.upperBound
                return
            }
            let copied = scratch.count
            scratch.append(contentsOf: input[start..<end])
            (start, end, inScratch) = (copied, scratch.count, true)
            breaks.append(end)
        } else if lastInput != range.lowerBound {
            breaks.append(end)
        }
        scratch.append(contentsOf: input[range])
        end = scratch.count
        lastInput = range.upperBound
    }

    /// The input offset after the last byte appended in scratch mode.
    private var lastInput = -1
}
