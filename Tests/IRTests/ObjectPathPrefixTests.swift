import Testing

@testable import IR

/// `ObjectPath.hasPrefix` answers as comparing the lists of segments does, however the two paths
/// were built (sharing links or not, sealed or not).
@Suite struct ObjectPathPrefixTests {
    /// Paths of one folder built every way there is: from segment lists, by appending to a shared
    /// parent (sealed or not), with equal paths built apart, and paths that differ in a middle
    /// segment, in a kind, or only in the last segment.
    static var paths: [ObjectPath] {
        let folder = ObjectPath([.init("FOLDER", "Sales")])
        let mapping = folder.appending("MAPPING", "m_orders")
        let node = mapping.appending("INSTANCE", "EXP_1")
        let port = node.appending("PORT", "A")
        let otherPort = node.sealed.appending("PORT", "B")
        let apart = ObjectPath([
            .init("FOLDER", "Sales"), .init("MAPPING", "m_orders"), .init("INSTANCE", "EXP_1"), .init("PORT", "A"),
        ])
        let otherMapping = ObjectPath([
            .init("FOLDER", "Sales"), .init("MAPPING", "m_other"), .init("INSTANCE", "EXP_1"), .init("PORT", "A"),
        ])
        let otherKind = ObjectPath([.init("FOLDER", "Sales"), .init("MAPPLET", "m_orders")])
        let deeper = port.appending("EXPRESSION", "value").appending("CALL", "LKP")
        return [
            ObjectPath(), folder, mapping, node, port, otherPort, apart, otherMapping, otherKind, deeper,
            mapping.sealed, node.sealed, ObjectPath(apart.segments.dropLast()), ObjectPath([.init("FOLDER", "Other")]),
        ]
    }

    @Test("every pair of paths: a prefix exactly when the first segments are equal")
    func agreesWithSegmentLists() {
        let paths = Self.paths
        var prefixes = 0
        for path in paths {
            for prefix in paths {
                let expected =
                    prefix.segments.count <= path.segments.count
                    && Array(path.segments.prefix(prefix.segments.count)) == prefix.segments
                #expect(path.hasPrefix(prefix) == expected, "'\(path)' has prefix '\(prefix)'")
                if expected { prefixes += 1 }
            }
        }
        // Both answers occur often: of the 196 pairs, 76 are prefixes, counted by hand per prefix:
        // the empty path 14, the folder 12, the mapping (two ways built) 9 each, the node (three
        // ways) 7 each, the port A (two ways) 3 each, the other five 1 each.
        #expect(prefixes == 76)
    }

    @Test("isWithin: the empty path contains nothing; a path lies within itself and its ancestors")
    func isWithin() {
        let port = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m"), .init("INSTANCE", "X")]).appending(
            "PORT", "P")
        #expect(!port.isWithin(ObjectPath()))
        #expect(port.isWithin(port))
        #expect(port.isWithin(ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m")])))
        #expect(!port.isWithin(ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "n")])))
        #expect(!ObjectPath([.init("FOLDER", "F")]).isWithin(port))
    }
}
