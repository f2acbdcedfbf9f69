import IR

extension SQLPipelineBuilder {
    /// Refuses a connected lookup whose lookup port has a default value: the runtime returns it
    /// when no row matches (§2.6 "NULL (or their DEFAULTVALUE if set)", BELIEVED;
    /// `EvaluationSettings.lookupDefaultOnNoMatch`), where the outer join gives NULL. A default of
    /// `NULL` changes nothing.
    func checkLookupDefaults(_ node: Node) throws(SQLPushdownRefusal) {
        for port in node.outputPorts where port.roles.contains(.lookup) {
            guard let text = port.defaultValue?.text.trimmingSpaces(), !text.isEmpty, text.uppercased() != "NULL"
            else { continue }
            throw refusal(
                SQLPipelineDiagnostics.lookupNotLowered, node,
                "lookup port '\(port.name)' of '\(node.id)' has default value '\(text)', which the runtime returns "
                    + "when no row matches", fix: "keep this path in the runtime",
                location: port.provenance.location, path: port.provenance.path)
        }
    }
}
