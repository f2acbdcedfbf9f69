// Child iteration over `XMLElementNode` without copying: ``XMLElementNode/children(named:)``
// builds an array of copies (four retains and releases per element), which hot translator loops avoid.

extension XMLElementNode {
    /// Calls `body` with each child named `name`, in document order, without copying the children
    /// (``children(named:)`` copies each match, four retains and releases apiece).
    @inline(__always)
    func forEachChild(named name: String, _ body: (borrowing XMLElementNode) throws -> Void) rethrows {
        try children.withUnsafeBufferPointer { children in
            // Siblings mostly share a shape: the name is compared once per run of one shape.
            var lastShape: ObjectIdentifier?
            var matches = false
            for index in children.indices {
                let shape = ObjectIdentifier(children[index].shape)
                if shape != lastShape {
                    lastShape = shape
                    matches = children[index].name == name
                }
                if matches { try body(children[index]) }
            }
        }
    }

    /// The number of children named `name`.
    func childCount(named name: String) -> Int {
        var count = 0
        forEachChild(named: name) { _ in count += 1 }
        return count
    }

    /// Calls `body` with each child, in document order, without copying them.
    @inline(__always)
    func forEachChild(_ body: (borrowing XMLElementNode) throws -> Void) rethrows {
        try children.withUnsafeBufferPointer { children in
            for index in children.indices { try body(children[index]) }
        }
    }
}
