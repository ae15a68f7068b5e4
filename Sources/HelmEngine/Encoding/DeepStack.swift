import Foundation

/// Runs a recursive encoder or decoder on a thread with a large stack, for input that nests
/// deeper than ``shallowLimit``.
///
/// Go's encoders accept up to 10,000 levels, and Go grows goroutine stacks on demand. Swift
/// frames are fixed and the calling thread's stack may be small (512 KiB on some executor
/// threads), so the encoders count depth and, past ``shallowLimit``, give up with
/// ``EncodingError/Code/deepStack``; the public entry points then rerun the work here.
/// Real charts nest far less than the limit, so this path only serves hostile or odd input.
enum DeepStack {
    /// Nesting the caller's own stack handles (about 1.5 KiB per level in debug builds).
    static let shallowLimit = 100
    /// The worker's stack: enough for 10,000 levels plus aliases, reserved rather than touched.
    static let stackSize = 512 << 20

    /// Runs `body` to completion on a dedicated thread and returns its result.
    ///
    /// The caller blocks until the worker finishes; the worker depends on nothing the caller
    /// holds, so this cannot deadlock.
    static func run<T>(stackSize: Int = stackSize, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let result = box.result else {
            throw EncodingError(code: .marshal, message: "internal error: deep-stack worker returned nothing")
        }
        return try result.get()
    }

    /// Runs `body` with the shallow limit, and again on a deep stack if the input needs it.
    static func withEscalation<T>(_ body: @escaping @Sendable (_ depthLimit: Int) throws -> T) throws -> T {
        do {
            return try body(shallowLimit)
        } catch let error as EncodingError where error.code == .deepStack {
            return try run { try body(Int.max) }
        }
    }
}

/// The worker's result, written once before the semaphore is signalled and read after the
/// wait returns, so the two threads never touch it at the same time.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

extension EncodingError {
    /// The sentinel the recursive passes throw when they reach their depth limit.
    static let deepStack = EncodingError(code: .deepStack, message: "nesting needs a deeper stack")
}
