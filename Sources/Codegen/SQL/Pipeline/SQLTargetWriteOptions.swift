import IR

/// A relational target's writer options (the session's target attributes), as the runtime reads
/// them; the defaults are PowerCenter's: Insert, Update as Update and Delete on, the others off.
public struct SQLTargetWriteOptions: Hashable, Sendable {
    /// `Insert`: rows flagged insert are inserted.
    public var insert: Bool
    /// `Update as Update`: rows flagged update update the row with their key.
    public var updateAsUpdate: Bool
    /// `Update as Insert`: rows flagged update are inserted.
    public var updateAsInsert: Bool
    /// `Update else Insert`: rows flagged update update the row with their key, or are inserted.
    public var updateElseInsert: Bool
    /// `Delete`: rows flagged delete delete the rows with their key.
    public var delete: Bool
    /// `Truncate target table option`: every row is removed before the load.
    public var truncate: Bool

    /// Creates options; every argument defaults to PowerCenter's session default.
    public init(
        insert: Bool = true, updateAsUpdate: Bool = true, updateAsInsert: Bool = false,
        updateElseInsert: Bool = false, delete: Bool = true, truncate: Bool = false
    ) {
        self.insert = insert
        self.updateAsUpdate = updateAsUpdate
        self.updateAsInsert = updateAsInsert
        self.updateElseInsert = updateElseInsert
        self.delete = delete
        self.truncate = truncate
    }

    /// What the writer does with a row of effective kind `code` (0 insert, 1 update, 2 delete,
    /// 3 reject), checked in the runtime's order; nil when the row is not written.
    func operation(forKind code: Int) -> SQLWriteOperation? {
        switch code {
        case 0 where insert: .insert
        case 1 where updateAsInsert: .insert
        case 1 where updateElseInsert: .upsert
        case 1 where updateAsUpdate: .update
        case 2 where delete: .delete
        default: nil
        }
    }
}

/// How the rows of one kind reach a target table.
enum SQLWriteOperation: Int, CaseIterable, Comparable {
    case delete, update, upsert, insert

    /// Whether the operation finds its rows by the target's key.
    var needsKeys: Bool { self != .insert }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The row kind a set of rows carries into a target: one for every row, or a column per row.
enum SQLRowKind: Hashable {
    /// Every row has this kind code.
    case constant(Int)
    /// The column holding each row's kind code (-1 for a value the runtime refuses), and the
    /// codes 0-3 it may hold.
    case column(String, codes: [Int])
}

/// The row-kind facts of an Update Strategy's output.
struct SQLRowKindInfo: Hashable {
    /// Each row's kind.
    var kind: SQLRowKind
    /// Whether rows flagged reject reach the target (else the strategy drops them).
    var forwardRejected: Bool
}
