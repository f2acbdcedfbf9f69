import IR

extension Workflow {
    /// The workflow with every provenance's file set to `file`: its own, its variables', its
    /// schedule's, its tasks' (instance and definition), its sessions' node settings', its links',
    /// and those inside worklets.
    /// The counterpart of ``Pipeline/adoptingFile(_:)`` used after reading YAML.
    func withProvenanceFile(_ file: String) -> Workflow {
        var copy = self
        copy.provenance.location.file = file
        for index in copy.variables.indices { copy.variables[index].provenance.location.file = file }
        copy.schedule?.provenance.location.file = file
        for index in copy.links.indices { copy.links[index].provenance.location.file = file }
        for index in copy.tasks.indices {
            copy.tasks[index].provenance.location.file = file
            copy.tasks[index].definition?.location.file = file
            switch copy.tasks[index].kind {
            case .worklet(let inner):
                copy.tasks[index].kind = .worklet(inner.withProvenanceFile(file))
            case .session(var spec):
                for n in spec.nodes.indices { spec.nodes[n].provenance.location.file = file }
                copy.tasks[index].kind = .session(spec)
            default:
                break
            }
        }
        return copy
    }
}
