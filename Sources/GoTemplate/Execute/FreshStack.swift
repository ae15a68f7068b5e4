#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves deep template recursion onto a new thread with a large stack.
///
/// Go grows goroutine stacks, so Go allows 100,000 nested `{{template}}` calls and Helm 1,000 nested `include`s
/// of one name (several executor frames each); Swift threads have fixed stacks. When the running thread's stack
/// is nearly used up, the executor continues on a fresh thread while the caller's thread waits, so the limits
/// that fire are Go's and Helm's. Real charts never get near this; it serves deep recursion only.
enum FreshStack {
    /// Stack reserved (not touched) for each fresh thread.
    static let stackSize = 64 << 20
    /// Room left on the current stack below which work moves to a fresh one.
    static let threshold = 96 * 1024

    /// Runs `body` to completion on a new thread with a ``stackSize`` stack and returns its result (or runs it
    /// here if no thread can be started).
    static func run<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { escapable in
            let handoff = Handoff<T>(body: escapable)
            let context = Unmanaged.passRetained(handoff as AnyObject).toOpaque()
            var attributes = pthread_attr_t.init()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, stackSize)
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let started = pthread_create(&thread, &attributes, { context in
                #if canImport(Darwin)
                let context: UnsafeMutableRawPointer = context
                #else
                guard let context else { return nil }
                #endif
                let object = Unmanaged<AnyObject>.fromOpaque(context).takeRetainedValue()
                (object as? any FreshStackWork)?.run()
                return nil
            }, context)
            guard started == 0 else {
                Unmanaged<AnyObject>.fromOpaque(context).release()
                return try escapable()
            }
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
            return try handoff.take()
        }
    }
}

private protocol FreshStackWork: AnyObject {
    func run()
}

/// The work and its result, passed between the waiting thread and the worker: written by one thread at a time
/// (thread creation and join order them), so no lock is needed.
private final class Handoff<T>: FreshStackWork, @unchecked Sendable {
    private var body: (() throws -> T)?
    private var result: Result<T, any Error>?

    init(body: @escaping () throws -> T) { self.body = body }

    func run() {
        guard let body else { return }
        result = Result { try body() }
        self.body = nil
    }

    func take() throws -> T {
        body = nil
        guard let result else {
            let detail = "internal error: the fresh-stack worker returned nothing"
            throw TemplateError(code: .execute, message: "template: \(detail)", detail: detail)
        }
        return try result.get()
    }
}
