extension ObjectPath {
    /// Whether `self` equals `other` or lies inside it.
    public func isWithin(_ other: ObjectPath) -> Bool {
        !other.isEmpty && hasPrefix(other)
    }
}

extension Pipeline {
    /// Attaches the diagnostics about the pipeline as conversion notes, so that they travel with the
    /// converted objects and the confidence reflects them: each diagnostic located at a node or inside
    /// it (by object path) goes to that node; one located in the pipeline but at no node goes to the
    /// pipeline. Notes already present are not repeated.
    public mutating func attachNotes(from diagnostics: [Diagnostic]) {
        let nodePaths = nodes.map { [$0.provenance.path] + ($0.definition.map { [$0.path] } ?? []) }
        for diagnostic in diagnostics {
            let note = ConversionNote(diagnostic)
            var attached = false
            for index in nodes.indices where nodePaths[index].contains(where: { diagnostic.path.isWithin($0) }) {
                attached = true
                if !nodes[index].notes.contains(note) { nodes[index].notes.append(note) }
            }
            if !attached && diagnostic.path.isWithin(origin.path) && !notes.contains(note) { notes.append(note) }
        }
    }
}

extension Workflow {
    /// Attaches the diagnostics about the workflow as conversion notes: each located at a task or
    /// inside it goes to that task (and, for worklets, recursively to the inner task); one located
    /// in the workflow but at no task goes to the workflow, unless the schedule already carries it.
    public mutating func attachNotes(from diagnostics: [Diagnostic]) {
        let taskPaths = tasks.map { [$0.provenance.path] + ($0.definition.map { [$0.path] } ?? []) }
        for diagnostic in diagnostics {
            let note = ConversionNote(diagnostic)
            var attached = false
            for index in tasks.indices where taskPaths[index].contains(where: { diagnostic.path.isWithin($0) }) {
                attached = true
                if !tasks[index].notes.contains(note) { tasks[index].notes.append(note) }
            }
            let onSchedule = schedule?.notes.contains(note) ?? false
            if !attached && !onSchedule && diagnostic.path.isWithin(origin.path) && !notes.contains(note) {
                notes.append(note)
            }
        }
        for index in tasks.indices {
            if case .worklet(var inner) = tasks[index].kind {
                inner.attachNotes(from: diagnostics)
                tasks[index].kind = .worklet(inner)
            }
        }
    }
}
