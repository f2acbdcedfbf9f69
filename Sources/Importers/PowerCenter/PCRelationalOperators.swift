import IR

/// Operator builders for the single-input PowerCenter transformations (reference §2.1–§2.15).
enum PCRelationalOperators {
    /// Source Qualifier → `.sourceQuery` (§2.1): associated sources, override, join, filter, order, distinct.
    static func sourceQuery(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let sources = draft.instance.children(named: "ASSOCIATED_SOURCE_INSTANCE").map {
            draft.idPrefix + $0.nameAttribute
        }
        return .sourceQuery(
            SourceQuerySpec(
                sources: sources, sqlOverride: draft.options.text("Sql Query"),
                join: draft.options.text("User Defined Join"), filter: draft.options.text("Source Filter"),
                sortedPorts: draft.options.int("Number Of Sorted Ports", default: 0, context: &context),
                distinct: draft.options.bool("Select Distinct", default: false, context: &context),
                preSQL: draft.options.text("Pre SQL"), postSQL: draft.options.text("Post SQL")))
    }

    /// Filter → `.filter` (§2.3); the condition defaults to TRUE.
    static func filter(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        .filter(FilterSpec(condition: ScalarExpression(draft.options.text("Filter Condition") ?? "TRUE")))
    }

    /// Aggregator → `.aggregate` (§2.4): GROUPBY ports, sorted input, last-row semantics.
    static func aggregate(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        .aggregate(
            AggregateSpec(
                groupBy: draft.ports(withExpressionType: "GROUPBY").map(\.name),
                sortedInput: draft.options.bool("Sorted Input", default: false, context: &context),
                ungroupedValue: .lastRow, emptyInputYieldsNoRow: true, scope: scope(&draft, context: &context)))
    }

    /// Joiner → `.join` (§2.5). MASTER ports form group `right` (cached), the others `left`
    /// (streamed detail). Master Outer keeps all detail rows (left outer); Detail Outer keeps all
    /// master rows (right outer).
    static func join(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        for index in draft.ports.indices {
            let master = PCPortType(draft.definitionPortType(draft.ports[index].name)).master
            draft.ports[index].group = master ? "right" : "left"
        }
        let kinds: [String: JoinKind] = [
            "Normal Join": .inner, "Master Outer Join": .leftOuter, "Detail Outer Join": .rightOuter,
            "Full Outer Join": .fullOuter,
        ]
        let typeText = draft.options.take("Join Type") ?? "Normal Join"
        guard let kind = kinds.first(where: { $0.key.lowercased() == typeText.trimmingSpaces().lowercased() })?.value
        else {
            draft.attributes.append(Attribute("Join Type", typeText))
            return draft.opaque(
                PCMappingDiagnostics.inexpressibleTransformation,
                reason: "join type '\(typeText)' of joiner '\(draft.id)' is unknown",
                fix: "use Normal, Master Outer, Detail Outer or Full Outer Join", context: &context)
        }
        return .join(
            JoinSpec(
                kind: kind, condition: ScalarExpression(draft.options.text("Join Condition") ?? ""),
                nullKeysMatch: false,
                caseSensitive: draft.options.bool("Case Sensitive String Comparison", default: true, context: &context),
                sortedInput: draft.options.bool("Sorted Input", default: false, context: &context)))
    }

    /// Lookup Procedure → `.lookup` (§2.6). Connected when any connector touches the instance;
    /// NULL keys match only for cached lookups.
    static func lookup(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let policies: [String: MultipleMatchPolicy] = [
            "Use First Value": .first, "Use Last Value": .last, "Use Any Value": .any, "Report Error": .error,
            "Use All Values": .all,
        ]
        let cached = draft.options.bool("Lookup caching enabled", default: true, context: &context)
        return .lookup(
            LookupSpec(
                connected: draft.connected, table: draft.options.text("Lookup table name"),
                sqlOverride: draft.options.text("Lookup Sql Override"),
                filter: draft.options.text("Lookup Source Filter"),
                condition: draft.options.text("Lookup condition").map(ScalarExpression.init),
                multipleMatch: draft.options.choice(
                    "Lookup policy on multiple match", policies, default: .first, fallbackName: "Use First Value",
                    context: &context),
                cached: cached, dynamic: draft.options.bool("Dynamic Lookup Cache", default: false, context: &context),
                persistent: draft.options.bool("Lookup cache persistent", default: false, context: &context),
                nullKeysMatch: cached,
                caseSensitive: draft.options.bool("Case Sensitive String Comparison", default: true, context: &context),
                connection: draft.options.text("Connection Information"),
                sourceType: draft.options.text("Source Type").map(kebab)))
    }

    /// Sorter → `.sort` (§2.8): ISSORTKEY ports in order with SORTDIRECTION; NULLs high unless
    /// `Null Treated Low`.
    static func sort(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let keys = draft.definition.children(named: "TRANSFORMFIELD").filter { $0.flag("ISSORTKEY") }.map {
            SortKey(port: $0.nameAttribute, descending: $0.value("SORTDIRECTION").uppercased() == "DESCENDING")
        }
        let low = draft.options.bool("Null Treated Low", default: false, context: &context)
        return .sort(
            SortSpec(
                keys: keys, distinct: draft.options.bool("Distinct", default: false, context: &context),
                caseSensitive: draft.options.bool("Case Sensitive", default: true, context: &context),
                nulls: low ? .low : .high))
    }

    /// Rank → `.rank` (§2.9): exactly one RANKPORT port, GROUPBY ports, the RANKINDEX port.
    static func rank(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let rankPorts = draft.ports(withExpressionType: "RANKPORT")
        guard rankPorts.count == 1 else {
            return draft.opaque(
                PCMappingDiagnostics.inexpressibleTransformation,
                reason: "rank '\(draft.id)' has \(rankPorts.count) rank ports, expected exactly one",
                fix: "mark exactly one port as the rank port (R) in the Designer", context: &context)
        }
        let top = draft.options.choice(
            "Top/Bottom", ["Top": true, "Bottom": false], default: true, fallbackName: "Top", context: &context)
        return .rank(
            RankSpec(
                top: top, count: draft.options.int("Number of Ranks", default: 1, context: &context),
                rankBy: rankPorts[0].name, groupBy: draft.ports(withExpressionType: "GROUPBY").map(\.name),
                indexPort: draft.ports(withExpressionType: "RANKINDEX").first?.name,
                caseSensitive: draft.options.bool("Case Sensitive String Comparison", default: true, context: &context))
        )
    }

    /// Sequence → `.sequence` (§2.12).
    static func sequence(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        .sequence(
            SequenceSpec(
                start: draft.options.int("Start Value", default: 0, context: &context),
                increment: draft.options.int("Increment By", default: 1, context: &context),
                end: draft.options.int("End Value", default: Int.max, context: &context),
                current: draft.options.int("Current Value", default: 1, context: &context),
                cycle: draft.options.bool("Cycle", default: false, context: &context),
                cachedValues: draft.options.int("Number of Cached Values", default: 0, context: &context),
                reset: draft.options.bool("Reset", default: false, context: &context)))
    }

    /// Update Strategy → `.setRowKind` (§2.13); the expression defaults to DD_INSERT.
    static func setRowKind(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        .setRowKind(
            RowKindSpec(
                expression: ScalarExpression(draft.options.text("Update Strategy Expression") ?? "DD_INSERT"),
                forwardRejected: draft.options.bool("Forward Rejected Rows", default: true, context: &context)))
    }

    /// Transaction Control → `.transactionControl` (§2.15).
    static func transactionControl(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        .transactionControl(
            TransactionControlSpec(
                condition: ScalarExpression(
                    draft.options.text("Transaction Control Condition") ?? "TC_CONTINUE_TRANSACTION")))
    }

    /// `All Input` → `all-input`, `Transaction` → `transaction`.
    private static func scope(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> String? {
        draft.options.text("Transformation Scope").map(kebab)
    }

    /// `Flat File` → `flat-file`.
    static func kebab(_ text: String) -> String {
        text.trimmingSpaces().lowercased().split(separator: " ").joined(separator: "-")
    }
}

extension PCNodeDraft {
    /// The PORTTYPE the definition gives the port `name` ("" when unknown).
    func definitionPortType(_ name: String) -> String {
        definition.children(named: "TRANSFORMFIELD").first { $0.nameAttribute == name }?.value("PORTTYPE") ?? ""
    }
}
