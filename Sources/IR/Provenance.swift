/// A position in an input file: the file as the user named it, a 1-based line and column.
///
/// Line 0 means "the whole file" (for example an empty or unreadable file).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The file as the user named it on the command line or in the API call.
    public var file: String
    /// 1-based line; 0 when the location is the file as a whole.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders by file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:col`, omitting unknown parts.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// The path of an object inside a legacy export, such as
/// `FOLDER[Sales]/MAPPING[m_x]/TRANSFORMATION[EXP_1]/PORT[o_a]`.
///
/// Stored as a shared, immutable chain of the leading segments plus the last segment inline, so
/// that the paths of the many ports of one node share the node's path instead of each holding
/// a copy of it (see ``sealed``).
public struct ObjectPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// One step of an object path: an element kind and the object's name.
    public struct Segment: Hashable, Sendable {
        /// The kind of object, usually the vendor's element name (`MAPPING`, `PORT`).
        public var kind: String
        /// The object's name; may be empty for unnamed objects (then an ordinal is used).
        public var name: String

        /// Creates a segment.
        public init(_ kind: String, _ name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// Leading segments, shared between paths: a segment after its parent chain.
    private final class Chain: Sendable {
        let parent: Chain?
        let segment: Segment
        let count: Int

        init(parent: Chain?, segment: Segment) {
            self.parent = parent
            self.segment = segment
            count = (parent?.count ?? 0) + 1
        }
    }

    /// All segments but `last` (all of them when `last` is nil).
    private var chain: Chain?
    /// The last segment, when it is not in `chain`.
    private var last: Segment?

    /// Creates a path from its segments.
    public init(_ segments: [Segment] = []) {
        var chain: Chain?
        for segment in segments.dropLast() { chain = Chain(parent: chain, segment: segment) }
        self.chain = chain
        last = segments.last
    }

    private init(chain: Chain?, last: Segment?) {
        self.chain = chain
        self.last = last
    }

    /// The steps from the outermost object inwards.
    public var segments: [Segment] {
        get {
            var result = [Segment]()
            result.reserveCapacity(count)
            var link = chain
            while let current = link {
                result.append(current.segment)
                link = current.parent
            }
            result.reverse()
            if let last { result.append(last) }
            return result
        }
        set { self = ObjectPath(newValue) }
    }

    /// The number of segments.
    private var count: Int { (chain?.count ?? 0) + (last == nil ? 0 : 1) }

    /// Returns this path extended by one segment.
    public func appending(_ kind: String, _ name: String) -> ObjectPath {
        ObjectPath(chain: sealed.chain, last: Segment(kind, name))
    }

    /// The same path with every segment in the shared chain, so that paths appended to it share
    /// its storage instead of each copying its last segment.
    package var sealed: ObjectPath {
        guard let last else { return self }
        return ObjectPath(chain: Chain(parent: chain, segment: last), last: nil)
    }

    /// Whether the path has no segments.
    public var isEmpty: Bool { chain == nil && last == nil }

    /// The last segment (nil for the empty path), without building the list of segments.
    public var lastSegment: Segment? { last ?? chain?.segment }

    /// Whether `prefix`'s segments are this path's first ones (the empty path is a prefix of every
    /// path). Found without building either list of segments: this path is cut back to `prefix`'s
    /// length, then both are compared from their last segments, stopping at a link they share
    /// (the paths of a node and of its ports share their leading links). Attaching diagnostics to
    /// the nodes they concern asks this of every diagnostic and node of an export.
    public func hasPrefix(_ prefix: ObjectPath) -> Bool {
        var remaining = count - prefix.count
        guard remaining >= 0 else { return false }
        func pop(_ path: inout (last: Segment?, link: Chain?)) -> Segment? {
            if let segment = path.last {
                path.last = nil
                return segment
            }
            let segment = path.link?.segment
            path.link = path.link?.parent
            return segment
        }
        var own = (last: last, link: chain)
        var other = (last: prefix.last, link: prefix.chain)
        while remaining > 0 {
            _ = pop(&own)
            remaining -= 1
        }
        while true {
            if own.last == nil, other.last == nil, own.link === other.link { return true }
            guard let a = pop(&own), let b = pop(&other) else { return false }
            guard a == b else { return false }
        }
    }

    /// The rendered form, `KIND[name]/KIND[name]`.
    public var description: String {
        segments.map { "\($0.kind)[\($0.name)]" }.joined(separator: "/")
    }

    /// Compares the segments.
    public static func == (a: ObjectPath, b: ObjectPath) -> Bool {
        if a.chain === b.chain { return a.last == b.last }
        guard a.count == b.count else { return false }
        return a.segments == b.segments
    }

    /// Hashes the segments (last first, without building the array).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        if let last { hasher.combine(last) }
        var link = chain
        while let current = link {
            hasher.combine(current.segment)
            link = current.parent
        }
    }

    /// Parses the rendered form back; returns nil when the text is not a path.
    public init?(parsing text: String) {
        if text.isEmpty {
            self.init()
            return
        }
        var segments: [Segment] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "[") else { return nil }
            let kind = rest[rest.startIndex..<open]
            // Names may contain '/', '[' or ']'; a segment ends at "]" followed by "/" or the end.
            var index = rest.index(after: open)
            var close: Substring.Index?
            while index < rest.endIndex {
                if rest[index] == "]" {
                    let next = rest.index(after: index)
                    if next == rest.endIndex || rest[next] == "/" {
                        close = index
                        break
                    }
                }
                index = rest.index(after: index)
            }
            guard let end = close, !kind.isEmpty else { return nil }
            segments.append(Segment(String(kind), String(rest[rest.index(after: open)..<end])))
            rest = rest[rest.index(after: end)...]
            if rest.first == "/" { rest = rest.dropFirst() }
        }
        self.init(segments)
    }

    /// Orders paths by their rendered text.
    public static func < (a: ObjectPath, b: ObjectPath) -> Bool {
        a.description < b.description
    }
}

extension ObjectPath: Codable {
    /// Decodes the rendered form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let path = ObjectPath(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an object path such as FOLDER[f]/MAPPING[m]")
        }
        self = path
    }

    /// Encodes the rendered form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Where an IR object came from: its object path in the legacy export and its position in the file.
public struct Provenance: Hashable, Sendable {
    /// The object path in the legacy tool's terms.
    public var path: ObjectPath
    /// The file position of the element that defined the object.
    public var location: SourceLocation

    /// Creates a provenance record.
    public init(path: ObjectPath, location: SourceLocation) {
        self.path = path
        self.location = location
    }

    /// A provenance for objects that were not read from any file (for example made by a pass).
    public static let synthesized = Provenance(path: ObjectPath(), location: SourceLocation(file: ""))
}

extension Provenance: Codable {
    private enum CodingKeys: String, CodingKey {
        case path, line, column
    }

    /// Decodes `path`, `line` and `column`; the file is supplied by the enclosing document's origin,
    /// so it is left empty here and filled in by ``Pipeline/adoptingFile(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(ObjectPath.self, forKey: .path)
        let line = try container.decodeIfPresent(Int.self, forKey: .line) ?? 0
        let column = try container.decodeIfPresent(Int.self, forKey: .column) ?? 0
        location = SourceLocation(file: "", line: line, column: column)
    }

    /// Encodes the path and position; the file name is written once per document, not per object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        if location.line != 0 { try container.encode(location.line, forKey: .line) }
        if location.column != 0 { try container.encode(location.column, forKey: .column) }
    }
}
