/// Receives the start tags of one parse in document order: each element's shape and position.
///
/// When ``XMLReadResult/startTagsComplete`` is true, the sink saw exactly the elements of the
/// returned tree, in pre-order; so a consumer that needs every element's name and position (the
/// conservation ledger) gets them while the tree is built instead of walking the tree afterwards.
protocol XMLStartTagSink: AnyObject {
    /// Called for every start tag the tree keeps, in document order.
    func startTag(_ shape: XMLElementShape, line: Int, column: Int)
}
