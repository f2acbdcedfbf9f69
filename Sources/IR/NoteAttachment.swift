extension ObjectPath {
    /// Whether `self` equals `other` or lies inside it.
    public func isWithin(_ other: ObjectPath) -> Bool {
        !other.isEmpty && hasPrefix(other)
    }
}

/// The diagnostics of one import, indexed by the segments of their paths, so that each object of
/// a file is given the diagnostics that may concern it rather than every diagnostic of the file:
/// a diagnostic lies within a path only if the path's last segment is one of its own segments.
/// Without it, a file of hundreds of mappings and as many diagnostics was matched mapping by
/// diagnostic by node.
public struct DiagnosticIndex: Sendable {
    /// The diagnostics, in their order.
    public let diagnostics: [Diagnostic]
    /// The positions in ``diagnostics`` of those with each segment, ascending.
    private let positions: [ObjectPath.Segment: [Int]]

    /// Indexes `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        var positions: [ObjectPath.Segment: [Int]] = [:]
        for (position, diagnostic) in diagnostics.enumerated() {
            for segment in Set(diagnostic.path.segments) { positions[segment, default: []].append(position) }
        }
        self.diagnostics = diagnostics
        self.positions = positions
    }

    /// Every diagnostic lying within one of `paths`, and perhaps others, in their order: what a
    /// filter by ``ObjectPath/isWithin(_:)`` on these paths needs to read.
    public func candidates(within paths: [ObjectPath]) -> [Diagnostic] {
        var found: [Int] = []
        var seen: Set<ObjectPath.Segment> = []
        for path in paths {
            guard let last = path.lastSegment, seen.insert(last).inserted else { continue }
            found += positions[last] ?? []
        }
        // One segment's positions are ascending already; several are merged, each once.
        return (seen.count > 1 ? Set(found).sorted() : found).map { diagnostics[$0] }
    }
}

extension Node {
    /// The paths diagnostics about the node lie within: its own, and its definition's.
    var notePaths: [ObjectPath] { [provenance.path] + (definition.map { [$0.path] } ?? []) }
}

extension Pipeline {
    /// The paths ``attachNotes(from:)`` attaches diagnostics within: the pipeline's, and each
    /// node's and its definition's.
    public var notePaths: [ObjectPath] {
        [origin.path] + nodes.flatMap(\.notePaths)
    }

    /// Attaches the diagnostics about the pipeline as conversion notes, so that they travel with the
    /// converted objects and the confidence reflects them: each diagnostic located at a node or inside
    /// it (by object path) goes to that node; one located in the pipeline but at no node goes to the
    /// pipeline. Notes already present are not repeated.
    public mutating func attachNotes(from diagnostics: [Diagnostic]) {
        let nodePaths = nodes.map(\.notePaths)
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
