/// A stream of body chunks: the type-erased body of a ``KubeStreamingResponse``.
///
/// Iterate it once. Back-pressure comes from the wrapped sequence: the next chunk is read only when asked for.
public struct KubeByteStream: AsyncSequence, Sendable {
    /// A chunk of bytes.
    public typealias Element = [UInt8]

    private let makeNext: @Sendable () -> (() async throws -> [UInt8]?)

    /// Wraps any sendable sequence of chunks.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == [UInt8] {
        makeNext = {
            let box = IteratorBox(base.makeAsyncIterator())
            return { try await box.next() }
        }
    }

    /// A stream of fixed chunks, for tests and canned responses.
    public init(chunks: [[UInt8]]) {
        makeNext = {
            var remaining = chunks[...]
            return { remaining.popFirst() }
        }
    }

    /// Creates the iterator.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(advance: makeNext()) }

    /// Reads chunks one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let advance: () async throws -> [UInt8]?

        /// The next chunk, or `nil` at the end of the body.
        public mutating func next() async throws -> [UInt8]? { try await advance() }
    }
}

/// Holds a mutable iterator behind a reference so a closure can advance it.
private final class IteratorBox<Base: AsyncIteratorProtocol> where Base.Element == [UInt8] {
    var base: Base
    init(_ base: Base) { self.base = base }
    func next() async throws -> [UInt8]? { try await base.next() }
}
