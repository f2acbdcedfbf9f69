import Foundation

/// Which runs a section of a parameter file applies to.
public enum ParameterScope: Hashable, Sendable {
    /// Every run (`[Global]`).
    case global
    /// Runs on one integration service, optionally one node (`[Service:IS]`, `[Service:IS.ND:node]`).
    case service(name: String, node: String?)
    /// A workflow, or a worklet inside it, and every session below (`[f.WF:w]`, `[f.WF:w.WT:a.WT:b]`).
    case workflow(folder: String, workflow: String, worklets: [String])
    /// One session: in a given workflow/worklet path (`[f.WF:w.ST:s]`), in any workflow of a folder
    /// (`[f.ST:s]`), or anywhere (`[s]`).
    case session(folder: String?, workflow: String?, worklets: [String], session: String)

    /// How specific the scope is: the most specific section that applies wins.
    public var specificity: Int {
        switch self {
        case .global: return 0
        case .service(_, let node): return node == nil ? 1 : 2
        case .workflow(_, _, let worklets): return 10 + worklets.count
        case .session(let folder, let workflow, let worklets, _):
            if workflow != nil { return 40 + worklets.count }
            return folder != nil ? 30 : 20
        }
    }
}

/// One `name=value` line of a parameter file.
public struct ParameterEntry: Hashable, Sendable {
    /// The name as written (`$$LoadDate`, `$DBConnection_SRC`, `mapplet.$$P`).
    public var name: String
    /// The value: the rest of the line after the first `=`, verbatim (trailing spaces kept).
    public var value: String
    /// Where the line is.
    public var location: SourceLocation

    /// Creates an entry.
    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A heading and the entries under it.
public struct ParameterSection: Hashable, Sendable {
    /// The heading text without brackets.
    public var heading: String
    /// What the heading selects.
    public var scope: ParameterScope
    /// The entries, in file order.
    public var entries: [ParameterEntry]
    /// Where the heading is.
    public var location: SourceLocation

    /// Creates a section.
    public init(heading: String, scope: ParameterScope, entries: [ParameterEntry], location: SourceLocation) {
        self.heading = heading
        self.scope = scope
        self.entries = entries
        self.location = location
    }
}

/// A run's identity, used to choose the sections of a parameter file that apply to it.
public struct RunIdentity: Hashable, Sendable {
    /// The repository folder.
    public var folder: String
    /// The top-level workflow.
    public var workflow: String
    /// The worklet path from the workflow down, outermost first.
    public var worklets: [String]
    /// The session, when resolving for a session.
    public var session: String?
    /// The integration service, when known.
    public var service: String?

    /// Creates a run identity.
    public init(
        folder: String, workflow: String, worklets: [String] = [], session: String? = nil, service: String? = nil
    ) {
        self.folder = folder
        self.workflow = workflow
        self.worklets = worklets
        self.session = session
        self.service = service
    }
}

/// A parsed parameter file: sections of `name=value` lines.
public struct ParameterFile: Hashable, Sendable {
    /// The file as named by the caller.
    public var file: String
    /// The sections in file order.
    public var sections: [ParameterSection]

    /// Creates a parameter file.
    public init(file: String, sections: [ParameterSection]) {
        self.file = file
        self.sections = sections
    }

    /// The values that apply to `run`: for each name (compared case-insensitively), the entry of the
    /// most specific applicable section; within equally specific sections, the first in the file.
    public func values(for run: RunIdentity) -> [ParameterEntry] {
        var chosen: [String: (specificity: Int, entry: ParameterEntry)] = [:]
        var order: [String] = []
        for section in sections where Self.scope(section.scope, appliesTo: run) {
            let specificity = section.scope.specificity
            for entry in section.entries {
                let key = entry.name.lowercased()
                if let existing = chosen[key] {
                    if specificity > existing.specificity { chosen[key] = (specificity, entry) }
                } else {
                    chosen[key] = (specificity, entry)
                    order.append(key)
                }
            }
        }
        return order.compactMap { chosen[$0]?.entry }
    }

    private static func scope(_ scope: ParameterScope, appliesTo run: RunIdentity) -> Bool {
        func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
        func prefix(_ worklets: [String]) -> Bool {
            worklets.count <= run.worklets.count && zip(worklets, run.worklets).allSatisfy { same($0, $1) }
        }
        switch scope {
        case .global:
            return true
        case .service(let name, _):
            return run.service.map { same($0, name) } ?? false
        case .workflow(let folder, let workflow, let worklets):
            return same(folder, run.folder) && same(workflow, run.workflow) && prefix(worklets)
        case .session(let folder, let workflow, let worklets, let session):
            guard let runSession = run.session, same(session, runSession) else { return false }
            if let folder, !same(folder, run.folder) { return false }
            if let workflow {
                return same(workflow, run.workflow) && worklets.count == run.worklets.count && prefix(worklets)
            }
            return true
        }
    }
}

extension ParameterScope {
    /// Interprets a parameter-file heading (without brackets): `Global`, `Service:IS[.ND:node]`,
    /// `folder.WF:wf[.WT:worklet]*[.ST:session]`, `folder.ST:session` or a bare session name.
    /// Returns nil when the heading has no known form.
    public init?(heading: String) {
        let text = heading.trimmingSpaces()
        let lower = text.lowercased()
        if lower == "global" {
            self = .global
            return
        }
        if lower.hasPrefix("service:") {
            let rest = String(text.dropFirst("service:".count))
            if let range = rest.range(of: ".ND:", options: .caseInsensitive) {
                self = .service(name: String(rest[..<range.lowerBound]), node: String(rest[range.upperBound...]))
                return
            }
            guard !rest.isEmpty else { return nil }
            self = .service(name: rest, node: nil)
            return
        }
        if let wf = text.range(of: ".WF:", options: .caseInsensitive) {
            let folder = String(text[..<wf.lowerBound])
            let parts = Self.split(text[wf.upperBound...])
            guard !folder.isEmpty, let workflow = parts.first?.value, !workflow.isEmpty else { return nil }
            var worklets: [String] = []
            for (index, part) in parts.enumerated().dropFirst() {
                guard !part.value.isEmpty else { return nil }
                switch part.tag {
                case "WT": worklets.append(part.value)
                case "ST":
                    guard index == parts.count - 1 else { return nil }
                    self = .session(folder: folder, workflow: workflow, worklets: worklets, session: part.value)
                    return
                default: return nil
                }
            }
            self = .workflow(folder: folder, workflow: workflow, worklets: worklets)
            return
        }
        if let st = text.range(of: ".ST:", options: .caseInsensitive) {
            let folder = String(text[..<st.lowerBound])
            let session = String(text[st.upperBound...])
            guard !folder.isEmpty, !session.isEmpty else { return nil }
            self = .session(folder: folder, workflow: nil, worklets: [], session: session)
            return
        }
        guard !text.isEmpty, !text.contains(":") else { return nil }
        self = .session(folder: nil, workflow: nil, worklets: [], session: text)
    }

    /// Splits `wf.WT:a.ST:s` into (nil, wf), (WT, a), (ST, s).
    private static func split(_ text: Substring) -> [(tag: String?, value: String)] {
        var parts: [(tag: String?, value: String)] = []
        var tag: String?
        var rest = text
        while let range = rest.range(of: #"\.(WT|ST):"#, options: [.regularExpression, .caseInsensitive]) {
            parts.append((tag, String(rest[..<range.lowerBound])))
            tag = String(rest[range]).dropFirst().dropLast().uppercased()
            rest = rest[range.upperBound...]
        }
        parts.append((tag, String(rest)))
        return parts
    }
}

extension ParameterEntry: Codable {
    private enum CodingKeys: String, CodingKey { case name, value, line }

    /// Decodes name, value and line; the file is filled in from the document.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        value = try c.decode(String.self, forKey: .value)
        location = SourceLocation(file: "", line: try c.decodeIfPresent(Int.self, forKey: .line) ?? 0, column: 1)
    }

    /// Encodes name, value and line.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        try c.encode(location.line, forKey: .line)
    }
}

extension ParameterSection: Codable {
    private enum CodingKeys: String, CodingKey { case heading, line, entries }

    /// Decodes a section; its scope is derived from the heading.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decode(String.self, forKey: .heading)
        guard let scope = ParameterScope(heading: heading) else {
            throw DecodingError.dataCorruptedError(
                forKey: .heading, in: c,
                debugDescription: "'[\(heading)]' is not a parameter-file heading ([Global], [folder.WF:workflow], ...)"
            )
        }
        self.scope = scope
        entries = try c.decodeIfPresent([ParameterEntry].self, forKey: .entries) ?? []
        location = SourceLocation(file: "", line: try c.decodeIfPresent(Int.self, forKey: .line) ?? 0, column: 1)
    }

    /// Encodes heading, line and entries.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(heading, forKey: .heading)
        try c.encode(location.line, forKey: .line)
        try c.encode(entries, forKey: .entries)
    }
}

extension ParameterFile: Codable {
    private enum CodingKeys: String, CodingKey { case file, sections }

    /// Decodes a parameter-file document; every location's file is the document's `file`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        sections = try c.decodeIfPresent([ParameterSection].self, forKey: .sections) ?? []
        for s in sections.indices {
            sections[s].location.file = file
            for e in sections[s].entries.indices { sections[s].entries[e].location.file = file }
        }
    }

    /// Encodes the file's name (without folders) and its sections.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file.split(separator: "/").last.map(String.init) ?? file, forKey: .file)
        try c.encode(sections, forKey: .sections)
    }
}
