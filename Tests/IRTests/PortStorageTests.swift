import Testing

@testable import IR

/// `Port` keeps its parts behind one shared reference: a copy changed on its own leaves every other
/// copy as it was, and equality and hashing are those of the parts, shared or not.
@Suite struct PortStorageTests {
    static let location = Provenance(
        path: ObjectPath([.init("MAPPING", "m"), .init("TRANSFORMATION", "EXP"), .init("PORT", "A")]),
        location: SourceLocation(file: "m.xml", line: 3, column: 5))

    static func port(_ name: String = "A") -> Port {
        Port(
            name: name, type: .string(precision: 10), roles: [.input, .output], source: PortRef(node: "SQ", port: "A"),
            expression: ScalarExpression("UPPER(A)"), attributes: [Attribute("Tracing", "Normal")], provenance: location
        )
    }

    @Test("changing a copy leaves the original and other copies unchanged, part by part")
    func copiesChangeAlone() {
        let original = Self.port()
        var copy = original
        let other = original
        copy.roles.remove(.output)
        copy.expression = nil
        copy.attributes.append(Attribute("Extra", "1"))
        copy.source?.port = "B"
        copy.name += "_2"
        #expect(original.roles == [.input, .output])
        #expect(original.expression == ScalarExpression("UPPER(A)"))
        #expect(original.attributes == [Attribute("Tracing", "Normal")])
        #expect(original.source == PortRef(node: "SQ", port: "A"))
        #expect(original.name == "A")
        #expect(other == original)
        #expect(copy.roles == [.input])
        #expect(copy.expression == nil)
        #expect(copy.attributes.count == 2)
        #expect(copy.source == PortRef(node: "SQ", port: "B"))
        #expect(copy.name == "A_2")
        #expect(copy != original)
    }

    @Test("a port in an array changed in place leaves a copy of the array unchanged")
    func arraysChangeAlone() {
        var ports = [Self.port("A"), Self.port("B")]
        let before = ports
        ports[1].type = .integer
        ports[1].nullable = false
        #expect(before[1].type == .string(precision: 10))
        #expect(before[1].nullable == nil)
        #expect(ports[1].type == .integer && ports[1].nullable == false)
        #expect(ports[0] == before[0])
    }

    @Test("ports made apart with the same parts are equal and hash alike; any part differing makes them differ")
    func equalityIsByParts() {
        let a = Self.port()
        let b = Self.port()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = b
        c.description = "note"
        #expect(a != c)
        var d = b
        d.provenance.location.line = 4
        #expect(a != d)
        #expect(Set([a, c, d]).count == 3)
    }
}
