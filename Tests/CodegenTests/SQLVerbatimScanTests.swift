import Codegen
import IR
import Testing

@testable import Codegen

/// How SQL text from the export is scanned before it is emitted verbatim: the words looked up
/// among the statement's common tables, and the lines of the excerpt its review note quotes.
/// ASCII text is scanned byte by byte, other text character by character; both must find the
/// same words and lines. Expected values are written by hand.
@Suite struct SQLVerbatimScanTests {
    @Test("words: letters, digits, `_`, `$` and `#` make a word; any other character separates words")
    func words() {
        #expect(
            SQLPipelineBuilder.words("SELECT a.ID,b.$x#1 FROM\r\nV$SESSION\tt_2 WHERE 1=1")
                == ["SELECT", "a", "ID", "b", "$x#1", "FROM", "V$SESSION", "t_2", "WHERE", "1", "1"])
        #expect(SQLPipelineBuilder.words("") == [])
        #expect(SQLPipelineBuilder.words(" ,;\r\n") == [])
        // Not ASCII: a letter with an accent belongs to its word, a non-breaking space separates.
        #expect(SQLPipelineBuilder.words("coupé\u{A0}à_10 Ω") == ["coupé", "à_10", "Ω"])
    }

    @Test("lines: LF, VT, FF, CR and CR LF end a line; empty lines are dropped")
    func lines() {
        #expect(
            SQLPipelineBuilder.lines("SELECT A\r\nFROM T\n\n\rWHERE\u{0B}X\u{0C}Y  ")
                == ["SELECT A", "FROM T", "WHERE", "X", "Y  "])
        #expect(SQLPipelineBuilder.lines("\r\n") == [])
        #expect(SQLPipelineBuilder.lines("é\u{2028}è\u{85}ê") == ["é", "è", "ê"])
        #expect(
            SQLPipelineBuilder.excerpt("  SELECT A, B\r\n  FROM T\r\n WHERE A > 1 ;\n")
                == "SELECT A, B FROM T WHERE A > 1")
    }

    @Test("on ASCII text, the byte scan finds the same words and lines as the character scan: every text of up to 4")
    func bytesAgreeWithCharacters() {
        // One character of each class the scans tell apart: letters, a digit, `_`, `$`, `#`, other
        // punctuation, blanks and every line break (a CR before an LF makes one character of two).
        let alphabet = "aZ0_$#. \t\r\n\u{0B}\u{0C}".unicodeScalars.map(String.init)
        var texts = [""]
        var longer = [""]
        for _ in 1...4 {
            longer = longer.flatMap { text in alphabet.map { text + $0 } }
            texts += longer
        }
        #expect(texts.count == 1 + 13 + 169 + 2_197 + 28_561)
        let wordsDiffer = texts.filter { SQLPipelineBuilder.asciiWords($0) != SQLPipelineBuilder.characterWords($0) }
        let linesDiffer = texts.filter { SQLPipelineBuilder.lines($0) != SQLPipelineBuilder.characterLines($0) }
        #expect(wordsDiffer.isEmpty, "\(wordsDiffer.prefix(5).map(\.debugDescription))")
        #expect(linesDiffer.isEmpty, "\(linesDiffer.prefix(5).map(\.debugDescription))")
    }

    @Test("a word naming a common table with a suffix after `_` is refused; a longer name without `_` is not")
    func commonTableSuffixes() throws {
        let refused = [
            "SELECT CID, NAME FROM SQ_ORDERS_2", "SELECT CID, NAME FROM sq_orders_x_1",
            "SELECT CID, NAME FROM SQ_ORDERS_é",
        ]
        for text in refused {
            let pipeline = VerbatimPipelines.lookup(override: text, filter: nil, connection: "$Source")
            let report = SQLPipelineLowering(SQLServerDialect()).lower(pipeline).report
            let diagnostic = try #require(report.notPushedDown.first?.diagnostic, "\(text)")
            #expect(diagnostic.message.contains("the name of a common table"), "\(text): \(diagnostic.message)")
        }
        for text in [
            "SELECT CID, NAME FROM SQ_ORDERSX", "SELECT CID, NAME FROM X_SQ_ORDERS", "SELECT CID, NAME FROM SQ",
        ] {
            let pipeline = VerbatimPipelines.lookup(override: text, filter: nil, connection: "$Source")
            let report = SQLPipelineLowering(SQLServerDialect()).lower(pipeline).report
            #expect(report.notPushedDown.isEmpty, "\(text): \(report.diagnostics)")
        }
    }
}

/// Which expressions may call an unconnected lookup: they are lowered with the lookups joined.
@Suite struct SQLLookupCallScanTests {
    @Test("`:LKP.` in any case marks a lookup call; text without it, or without any `:`, does not")
    func lookupCalls() {
        for text in [":LKP.LKP_X(A)", "IIF(A, :lkp.lkp_x(A), B)", "X || :Lkp.y(1)"] {
            #expect(SQLPipelineBuilder.mayCallLookup(text), "\(text)")
        }
        for text in ["", "A || 'LKP.'", "':LKP'", "TO_CHAR(D, 'HH24:MI')", "LKP.X(A)", "é:LKPX"] {
            #expect(!SQLPipelineBuilder.mayCallLookup(text), "\(text)")
        }
    }
}
