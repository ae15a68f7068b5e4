/// The record of a hook's last run (`pkg/release/v1.HookExecution`).
public struct HookExecution: Sendable, Hashable {
    /// When it started; ``GoTime/zero`` if it never ran (then omitted from the record).
    public var startedAt: GoTime
    /// When it completed; ``GoTime/zero`` if it has not (then omitted from the record).
    public var completedAt: GoTime
    /// How it ended.
    public var phase: HookPhase

    /// Creates a run record; by default one that never ran (`phase` empty, as Helm leaves it).
    public init(startedAt: GoTime = .zero, completedAt: GoTime = .zero, phase: HookPhase = HookPhase(rawValue: "")) {
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.phase = phase
    }
}

/// How a hook run ended (`pkg/release/v1.HookPhase`).
public struct HookPhase: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored text, such as `Succeeded`.
    public var rawValue: String
    /// Creates a phase from its stored text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The hook is in an unknown state.
    public static let unknown = HookPhase(rawValue: "Unknown")
    /// The hook is running.
    public static let running = HookPhase(rawValue: "Running")
    /// The hook succeeded.
    public static let succeeded = HookPhase(rawValue: "Succeeded")
    /// The hook failed.
    public static let failed = HookPhase(rawValue: "Failed")
    /// The stored text.
    public var description: String { rawValue }
}
