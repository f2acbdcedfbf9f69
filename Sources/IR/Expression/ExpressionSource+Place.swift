extension ExpressionSource {
    /// Where a diagnostic about the text at `offset` (a Unicode-scalar offset) points, and its
    /// leading notes, located as the parser locates its own diagnostics: at the element holding the
    /// expression with an "at line L, column C of the expression" note, or at `<expression>:L:C`;
    /// then the offending line and a caret. For producers outside this module (type checking in
    /// other stages, the runtime's compiler).
    public func place(of offset: Int) -> (location: SourceLocation, notes: [String]) {
        ExpressionLocator(self).place(offset)
    }
}
