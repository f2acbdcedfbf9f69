/// The finished elements that still wait for their parent's end tag, in document order.
///
/// A shift-reduce stack: an element's children are the entries above the height the stack had at its
/// start tag, and its end tag moves exactly those into a right-sized array (no growth slack, no copy).
final class XMLNodeStack {
    private var storage: UnsafeMutablePointer<XMLElementNode>
    private var capacity: Int
    /// The number of waiting elements.
    private(set) var count = 0

    /// Creates an empty stack.
    init(capacity: Int = 1024) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Adds a finished element on top.
    @inline(__always)
    func push(_ node: XMLElementNode) {
        if count == capacity { grow() }
        (storage + count).initialize(to: node)
        count += 1
    }

    /// Moves the elements from index `start` to the top into a new array and removes them.
    @inline(__always)
    func popAll(from start: Int) -> [XMLElementNode] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let source = storage + start
        let result = [XMLElementNode](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: taken)
            initialized = taken
        }
        count = start
        return result
    }

    private func grow() {
        let larger = UnsafeMutablePointer<XMLElementNode>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
