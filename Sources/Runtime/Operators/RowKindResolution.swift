import IR

extension RowKind {
    /// The kind a row is written with (reference §2.13): the update strategy's result only when
    /// the session treats source rows as data driven; otherwise the session's kind for every row.
    /// A data-driven row that met no update strategy is an insert.
    public static func effective(sessionDefault: RowKindDefault, strategyResult: RowKind?) -> RowKind {
        switch sessionDefault {
        case .insert: .insert
        case .update: .update
        case .delete: .delete
        case .dataDriven: strategyResult ?? .insert
        }
    }

    /// The kind an update strategy expression's value stands for: 0 insert, 1 update, 2 delete,
    /// 3 reject. NULL is taken as insert [uncertain; no source]; any other value is a row error.
    public static func fromStrategy(_ value: Value) throws(RowError) -> RowKind {
        if value.isNull { return .insert }
        let number = try ValueConversion.wholeNumber(value, truncate: true, context: "an update strategy")
        switch number {
        case 0: return .insert
        case 1: return .update
        case 2: return .delete
        case 3: return .reject
        default:
            throw OperatorErrors.error(
                OperatorErrors.invalidRowKind, "an update strategy gave \(value), not 0, 1, 2 or 3")
        }
    }
}
