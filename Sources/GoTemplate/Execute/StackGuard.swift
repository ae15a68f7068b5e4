#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc) || canImport(Musl)
// glibc declares this only under _GNU_SOURCE, which the Glibc module does not define.
@_silgen_name("pthread_getattr_np")
private func getThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Keeps recursive parsing and execution from overflowing the thread's stack.
///
/// Templates recurse (nested actions, `{{template}}`, `include`), and the threads Swift runs tasks on
/// have fixed stacks of 512 KiB or so, where Go's goroutine stacks grow. Depth limits alone cannot be
/// both generous and safe, so the parser and executor also stop with an error when less than a margin of
/// stack remains.
struct StackGuard {
    /// The lowest stack address recursion may reach (stack bottom plus margin); 0 if unknown.
    let limit: UInt
    /// The thread whose stack `limit` belongs to.
    let thread: UInt = Self.currentThread()

    init(limit: UInt) { self.limit = limit }

    /// This guard if the caller runs on its thread, else the calling thread's own: a nested `include` may run on
    /// a fresh thread with a larger stack (Helm's 1,000 nested includes need one), whose bounds differ.
    func forCallingThread() -> StackGuard {
        thread == Self.currentThread() ? self : .forCurrentThread()
    }

    private static func currentThread() -> UInt {
        #if canImport(Glibc)
        UInt(pthread_self())
        #elseif canImport(Darwin) || canImport(Musl)
        UInt(bitPattern: pthread_self())
        #else
        0
        #endif
    }

    /// The guard for the calling thread, leaving `margin` bytes for non-recursive work (function bodies,
    /// formatting) below the deepest recursion.
    static func forCurrentThread(margin: Int = 160 * 1024) -> StackGuard {
        StackGuard(limit: lowestAddress().map { $0 + UInt(margin) } ?? 0)
    }

    private static func lowestAddress() -> UInt? {
        #if canImport(Glibc) || canImport(Musl)
        var attributes = pthread_attr_t()
        guard getThreadAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top - UInt(pthread_get_stacksize_np(pthread_self()))
        #else
        return nil
        #endif
    }

    /// Whether the current stack position is still `extra` bytes above the limit.
    @inline(__always) func hasRoom(extra: Int = 0) -> Bool {
        guard limit != 0 else { return true }
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) > limit + UInt(extra) }
    }
}
