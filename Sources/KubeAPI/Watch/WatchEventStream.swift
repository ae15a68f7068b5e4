/// The events of one watch, as an async sequence.
///
/// The sequence ends when the server closes the watch (its timeout, a restart, `cutWatches` in tests); start a new
/// watch from ``lastResourceVersion`` semantics of your own (the last event's `metadata.resourceVersion`). It throws
/// ``KubeAPIError`` for an ERROR event (code ``KubeAPIError/Code/gone`` for 410 Gone/Expired: relist, then watch
/// from the new list's version), for a line over the byte cap, for undecodable data and for a lost connection.
/// Cancelling the iterating task, or dropping the iterator, closes the connection.
public struct WatchEventStream: AsyncSequence, Sendable {
    /// A watch event.
    public typealias Element = WatchEvent

    private let body: KubeByteStream
    private let maximumLineBytes: Int
    private let context: String

    init(body: KubeByteStream, maximumLineBytes: Int, context: String) {
        self.body = body
        self.maximumLineBytes = maximumLineBytes
        self.context = context
    }

    /// Creates the iterator; iterate a watch once.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            body: body.makeAsyncIterator(), splitter: WatchLineSplitter(maximumLineBytes: maximumLineBytes),
            context: context)
    }

    /// Reads events one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var body: KubeByteStream.AsyncIterator
        var splitter: WatchLineSplitter
        let context: String
        var ready: [[UInt8]] = []
        var readyIndex = 0
        var finished = false

        init(body: KubeByteStream.AsyncIterator, splitter: WatchLineSplitter, context: String) {
            self.body = body
            self.splitter = splitter
            self.context = context
        }

        /// The next event, or `nil` when the server ended the watch.
        public mutating func next() async throws -> WatchEvent? {
            while true {
                if readyIndex < ready.count {
                    let line = ready[readyIndex]
                    readyIndex += 1
                    return try decode(line)
                }
                if finished { return nil }
                ready.removeAll(keepingCapacity: true)
                readyIndex = 0
                guard !Task.isCancelled else {
                    finished = true
                    throw KubeAPIError.cancelled(context)
                }
                let chunk: [UInt8]?
                do {
                    chunk = try await body.next()
                } catch {
                    finished = true
                    throw HTTPKubeTransport.map(error, context: context)
                }
                guard let chunk else {
                    finished = true
                    if let last = splitter.finish() { ready = [last] }
                    continue
                }
                do {
                    ready = try splitter.append(chunk)
                } catch {
                    finished = true
                    ready.removeAll()
                    throw KubeAPIError(code: error.code, message: "\(context): \(error.message)")
                }
            }
        }

        private mutating func decode(_ line: [UInt8]) throws -> WatchEvent {
            let event: WatchEvent
            do {
                event = try WatchEvent(line: line, context: context)
            } catch {
                finished = true
                ready.removeAll()
                throw error
            }
            if event.type == .error {
                // The server ends the watch after an ERROR event; report the Status with the code it carries.
                finished = true
                ready.removeAll()
                let code = event.object.json["code"]?.intValue.map(Int.init) ?? 500
                throw KubeAPIError(status: event.object.json, httpStatus: code, context: context)
            }
            return event
        }
    }
}
