/// Interns element shapes (name plus attribute names in order) by the addresses libxml2's
/// dictionary gives the names, so each distinct shape is built once per parse.
///
/// Keys are only valid during one parse (they point into `ctxt->dict`); the table lives in the
/// ``XMLTreeBuilder`` of that parse.
struct XMLShapeTable {
    private struct Entry {
        var attributeKeys: [UnsafeRawPointer]
        var shape: XMLElementShape
    }

    /// Shapes kept per element name; past this, further shapes of that name are not interned, so
    /// hostile input with ever new attribute orders costs no quadratic search.
    private static let shapesPerName = 32
    private var entries: [UnsafeRawPointer: [Entry]] = [:]

    /// The shape of an element named by dictionary pointer `nameKey` whose unprefixed attributes'
    /// local-name pointers are `attributeKey(0..<count)`; `make` builds a missing one.
    @inline(__always)
    mutating func shape(
        nameKey: UnsafeRawPointer, count: Int, attributeKey: (Int) -> UnsafeRawPointer,
        make: () -> XMLElementShape
    ) -> XMLElementShape {
        if let candidates = entries[nameKey] {
            for entry in candidates where entry.attributeKeys.count == count {
                var index = 0
                while index < count, entry.attributeKeys[index] == attributeKey(index) { index += 1 }
                if index == count { return entry.shape }
            }
        }
        let shape = make()
        guard entries[nameKey, default: []].count < Self.shapesPerName else { return shape }
        let keys = (0..<count).map(attributeKey)
        entries[nameKey, default: []].append(Entry(attributeKeys: keys, shape: shape))
        return shape
    }
}
