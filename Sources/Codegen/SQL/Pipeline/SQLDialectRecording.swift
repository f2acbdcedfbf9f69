import Foundation
import IR

/// The answers one lowering got from its dialect, so that its result can stand for another
/// dialect's (``SQLPipelineLowering/lower(_:inEach:)``).
///
/// Lowering a pipeline is a function of the pipeline, the lowering's settings and what the
/// dialect answers: it reads the dialect only through ``SQLPipelineContext/dialect``, and every
/// requirement of ``SQLDialect`` is a pure function of the dialect value. So another dialect that
/// gives every recorded question the recorded answer would be asked the same questions in the same
/// order and would yield the same result, which ``holds(in:)`` checks. Properties are recorded
/// once (their answer never changes); calls with arguments each time.
///
/// The dialect's name is not a question: lowering writes it into messages only (a decision on
/// it goes through ``SQLDialect/isNamed(_:)``, a call like any other), so the recording dialect
/// answers ``namePlaceholder``, and each dialect's result names it (``SQLPipelineSQL/naming(_:)``).
/// Refusals name the dialect, and most dialects would otherwise lower again only to say so. The
/// same holds for ``SQLDialect/wideDecimalReason``, the other text lowering writes into messages.
///
/// A reference type shared by the ``SQLRecordingDialect`` values of one lowering; it lives only
/// within one call of ``SQLPipelineLowering/lower(_:inEach:)`` and is never shared between
/// threads, hence `@unchecked Sendable` (``SQLDialect`` values are `Sendable`).
final class SQLDialectRecord: @unchecked Sendable {
    /// One question and the answer it got; a class, so that checking an entry copies a reference
    /// alone (``holds(in:)`` runs through every entry for each other dialect).
    private final class Entry {
        let answer: AnyHashable
        let ask: (any SQLDialect) -> AnyHashable

        init(answer: AnyHashable, ask: @escaping (any SQLDialect) -> AnyHashable) {
            self.answer = answer
            self.ask = ask
        }
    }

    /// What the recording dialect answers for its name: text no export holds (XML has no NUL
    /// character), replaced by the dialect's name in the result's diagnostics.
    static let namePlaceholder = "\u{0}dialect\u{0}"
    /// What the recording dialect answers for ``SQLDialect/wideDecimalReason``, message text like
    /// the name, replaced by the dialect's own in the result's diagnostics.
    static let wideDecimalReasonPlaceholder = "\u{0}wide-decimal-reason\u{0}"

    /// By ``SQLDialectProperty`` raw value: whether the property was read (and so is in ``properties``).
    private var recorded = [Bool](repeating: false, count: SQLDialectProperty.allCases.count)
    /// The first answer of each property read, in the order first read.
    private var properties: [Entry] = []
    /// Every call with arguments, in order.
    private var calls: [Entry] = []

    /// `read(base)`, recorded the first time `property` is read.
    func property<T: Hashable>(
        _ property: SQLDialectProperty, of base: any SQLDialect, _ read: @escaping (any SQLDialect) -> T
    ) -> T {
        let answer = read(base)
        if !recorded[property.rawValue] {
            recorded[property.rawValue] = true
            properties.append(Entry(answer: AnyHashable(answer), ask: { AnyHashable(read($0)) }))
        }
        return answer
    }

    /// `ask(base)`, recorded.
    func call<T: Hashable>(of base: any SQLDialect, _ ask: @escaping (any SQLDialect) -> T) -> T {
        let answer = ask(base)
        calls.append(Entry(answer: AnyHashable(answer), ask: { AnyHashable(ask($0)) }))
        return answer
    }

    /// Whether `dialect` answers every recorded question as recorded.
    func holds(in dialect: any SQLDialect) -> Bool {
        for entry in properties where entry.ask(dialect) != entry.answer { return false }
        for entry in calls where entry.ask(dialect) != entry.answer { return false }
        return true
    }
}

/// The properties of ``SQLDialect``, as ``SQLDialectRecord`` keeps them.
enum SQLDialectProperty: Int, CaseIterable {
    case limitStyle, supportsNullsOrdering, supportsCommonTables, supportsWindowFunctions, supportsMerge
    case mergeNeedsPrimaryIndex, supportsOnConflict, updateFromStyle, transactionKeywords, hasBooleanLiterals
    case tableAliasKeyword, supportsTruncate, moduloStyle, concatStyle, keepsEmptyStrings, comparesStringsExactly
    case hasExactDecimals, readsExponentLiteralsAsDoubles, roundsDecimalsHalfAwayFromZero, characterLengthFunction
    case substringFunction, identifierQuotes, backslashEscapesInStrings, stringLiteralPrefix, trimNeedsBlankArgument
    case hasPadFunctions, trimsCharacterSets, casesAllLetters, acceptsCommonTablesInInsert, supportsFullOuterJoin
    case integerOperandsKeepTheirWidth, integerOverflowFails, failsPastYear9999, failsBeforeYear1
    case datesOutOfRangeAreNull, derivedColumnNaming
}

/// A dialect answering as `base` does, recording each answer in `record`.
///
/// Every requirement of ``SQLDialect`` is forwarded here: one left to the protocol's default
/// would answer with the default rather than `base`'s own answer
/// (`SQLDialectRecordingTests` checks that each requirement is forwarded).
struct SQLRecordingDialect: SQLDialect {
    let base: any SQLDialect
    let record: SQLDialectRecord

    private func read<T: Hashable>(_ property: SQLDialectProperty, _ read: @escaping (any SQLDialect) -> T) -> T {
        record.property(property, of: base, read)
    }

    /// ``SQLDialectRecord/namePlaceholder``: lowering writes the name into messages only.
    var name: String { SQLDialectRecord.namePlaceholder }
    /// ``SQLDialectRecord/wideDecimalReasonPlaceholder``: message text, as the name is.
    var wideDecimalReason: String { SQLDialectRecord.wideDecimalReasonPlaceholder }
    func isNamed(_ name: String) -> Bool { record.call(of: base) { $0.isNamed(name) } }
    func answer<Answer: Hashable>(_ question: @escaping (any SQLDialect) -> Answer) -> Answer {
        record.call(of: base, question)
    }
    var limitStyle: SQLLimitStyle { read(.limitStyle) { $0.limitStyle } }
    var supportsNullsOrdering: Bool { read(.supportsNullsOrdering) { $0.supportsNullsOrdering } }
    var supportsCommonTables: Bool { read(.supportsCommonTables) { $0.supportsCommonTables } }
    var supportsWindowFunctions: Bool { read(.supportsWindowFunctions) { $0.supportsWindowFunctions } }
    var supportsMerge: Bool { read(.supportsMerge) { $0.supportsMerge } }
    var mergeNeedsPrimaryIndex: Bool { read(.mergeNeedsPrimaryIndex) { $0.mergeNeedsPrimaryIndex } }
    var supportsOnConflict: Bool { read(.supportsOnConflict) { $0.supportsOnConflict } }
    var updateFromStyle: SQLUpdateFromStyle? { read(.updateFromStyle) { $0.updateFromStyle } }
    var transactionKeywords: (begin: String, commit: String)? {
        let pair = read(.transactionKeywords) { $0.transactionKeywords.map { [$0.begin, $0.commit] } }
        return pair.map { ($0[0], $0[1]) }
    }
    var hasBooleanLiterals: Bool { read(.hasBooleanLiterals) { $0.hasBooleanLiterals } }
    var tableAliasKeyword: Bool { read(.tableAliasKeyword) { $0.tableAliasKeyword } }
    var supportsTruncate: Bool { read(.supportsTruncate) { $0.supportsTruncate } }
    var moduloStyle: SQLModuloStyle { read(.moduloStyle) { $0.moduloStyle } }
    var concatStyle: SQLConcatStyle { read(.concatStyle) { $0.concatStyle } }
    var keepsEmptyStrings: Bool { read(.keepsEmptyStrings) { $0.keepsEmptyStrings } }
    var comparesStringsExactly: Bool { read(.comparesStringsExactly) { $0.comparesStringsExactly } }
    var hasExactDecimals: Bool { read(.hasExactDecimals) { $0.hasExactDecimals } }
    var readsExponentLiteralsAsDoubles: Bool {
        read(.readsExponentLiteralsAsDoubles) { $0.readsExponentLiteralsAsDoubles }
    }
    var roundsDecimalsHalfAwayFromZero: Bool {
        read(.roundsDecimalsHalfAwayFromZero) { $0.roundsDecimalsHalfAwayFromZero }
    }
    var characterLengthFunction: String? { read(.characterLengthFunction) { $0.characterLengthFunction } }
    var substringFunction: String { read(.substringFunction) { $0.substringFunction } }
    var identifierQuotes: (open: String, close: String) {
        let pair = read(.identifierQuotes) { [$0.identifierQuotes.open, $0.identifierQuotes.close] }
        return (pair[0], pair[1])
    }
    var backslashEscapesInStrings: Bool { read(.backslashEscapesInStrings) { $0.backslashEscapesInStrings } }
    var stringLiteralPrefix: String { read(.stringLiteralPrefix) { $0.stringLiteralPrefix } }
    var trimNeedsBlankArgument: Bool { read(.trimNeedsBlankArgument) { $0.trimNeedsBlankArgument } }
    var hasPadFunctions: Bool { read(.hasPadFunctions) { $0.hasPadFunctions } }
    var trimsCharacterSets: Bool { read(.trimsCharacterSets) { $0.trimsCharacterSets } }
    var casesAllLetters: Bool { read(.casesAllLetters) { $0.casesAllLetters } }
    var acceptsCommonTablesInInsert: Bool { read(.acceptsCommonTablesInInsert) { $0.acceptsCommonTablesInInsert } }
    var supportsFullOuterJoin: Bool { read(.supportsFullOuterJoin) { $0.supportsFullOuterJoin } }
    var integerOperandsKeepTheirWidth: Bool {
        read(.integerOperandsKeepTheirWidth) { $0.integerOperandsKeepTheirWidth }
    }
    var integerOverflowFails: Bool { read(.integerOverflowFails) { $0.integerOverflowFails } }
    var failsPastYear9999: Bool { read(.failsPastYear9999) { $0.failsPastYear9999 } }
    var failsBeforeYear1: Bool { read(.failsBeforeYear1) { $0.failsBeforeYear1 } }
    var datesOutOfRangeAreNull: Bool { read(.datesOutOfRangeAreNull) { $0.datesOutOfRangeAreNull } }
    var derivedColumnNaming: SQLDerivedColumnNaming { read(.derivedColumnNaming) { $0.derivedColumnNaming } }

    func trim(leading: Bool, _ text: SQLExpression) -> SQLExpression {
        record.call(of: base) { $0.trim(leading: leading, text) }
    }
    func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        record.call(of: base) { $0.stringPosition(of: search, in: text) }
    }
    func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? {
        record.call(of: base) { $0.truncateNumber(number, digits: digits) }
    }
    func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        record.call(of: base) { $0.regexMatch(text, pattern) }
    }
    func failure(_ message: SQLExpression) -> SQLExpression? { record.call(of: base) { $0.failure(message) } }
    func comparableWithTimestampLiterals(_ value: SQLExpression) -> SQLExpression {
        record.call(of: base) { $0.comparableWithTimestampLiterals(value) }
    }
    func codePointOrdering(_ value: SQLExpression) -> SQLExpression? {
        record.call(of: base) { $0.codePointOrdering(value) }
    }
    func dateFormatElement(_ field: SQLDateField) -> String? { record.call(of: base) { $0.dateFormatElement(field) } }
    func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        record.call(of: base) { $0.formatDate(date, pattern: pattern) }
    }
    func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? {
        record.call(of: base) { $0.truncateDate(date, to: unit) }
    }
    func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        record.call(of: base) { $0.addToDate(date, unit, amount) }
    }
    func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? { record.call(of: base) { $0.lastDayOfMonth(date) } }
    func wholeNumberText(_ value: SQLExpression) -> SQLExpression? {
        record.call(of: base) { $0.wholeNumberText(value) }
    }
    func identifier(_ name: String) -> String { record.call(of: base) { $0.identifier(name) } }
    func stringLiteral(_ text: String) -> String { record.call(of: base) { $0.stringLiteral(text) } }
    func dateLiteral(_ text: String) -> String { record.call(of: base) { $0.dateLiteral(text) } }
    func timestampLiteral(_ text: String) -> String { record.call(of: base) { $0.timestampLiteral(text) } }
    func typeName(_ type: SQLType) -> String { record.call(of: base) { $0.typeName(type) } }
    func castTypeName(_ type: SQLType) -> String { record.call(of: base) { $0.castTypeName(type) } }
}

extension SQLPipelineSQL {
    /// The result in `dialect` where its lowering wrote the recording dialect's message text
    /// (``SQLDialectRecord/namePlaceholder``, ``SQLDialectRecord/wideDecimalReasonPlaceholder``):
    /// in the messages, fixes and notes of its diagnostics, the only place lowering writes them.
    func naming(_ dialect: any SQLDialect) -> SQLPipelineSQL {
        let texts = [
            (Array(SQLDialectRecord.namePlaceholder.utf8), Array(dialect.name.utf8)),
            (Array(SQLDialectRecord.wideDecimalReasonPlaceholder.utf8), Array(dialect.wideDecimalReason.utf8)),
        ]
        func named(_ diagnostic: inout Diagnostic) {
            diagnostic.message = Self.naming(diagnostic.message, texts)
            diagnostic.fix = diagnostic.fix.map { Self.naming($0, texts) }
            for index in diagnostic.notes.indices where Self.holdsPlaceholder(diagnostic.notes[index]) {
                diagnostic.notes[index] = Self.naming(diagnostic.notes[index], texts)
            }
        }
        var result = self
        for index in result.report.notPushedDown.indices { named(&result.report.notPushedDown[index].diagnostic) }
        for index in result.report.runtimeSteps.indices { named(&result.report.runtimeSteps[index].diagnostic) }
        for index in result.report.verbatimTexts.indices { named(&result.report.verbatimTexts[index]) }
        for index in result.report.leftOutRows.indices { named(&result.report.leftOutRows[index]) }
        return result
    }

    /// Whether `text` holds a placeholder's NUL, which most texts lack (a byte search).
    static func holdsPlaceholder(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }

    /// `text` with each placeholder of `texts` replaced by its text; `text` itself when it holds
    /// none. Byte-wise: the placeholders are ASCII and start with a NUL, which nothing else in a
    /// message holds.
    static func naming(_ text: String, _ texts: [(placeholder: [UInt8], text: [UInt8])]) -> String {
        guard holdsPlaceholder(text) else { return text }
        let bytes = Array(text.utf8)
        var named: [UInt8] = []
        named.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0,
                let (placeholder, replacement) = texts.first(where: { bytes[index...].starts(with: $0.0) })
            {
                named += replacement
                index += placeholder.count
            } else {
                named.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: named, as: UTF8.self)
    }
}
