import Synchronization

/// Ctrl-C during a long computation. The terminal's signal handler calls `request()`; training
/// loops call `consume()` between steps and stop cleanly, keeping everything computed so far.
/// A flag polled between steps, rather than stopping mid-step, means a model is never left
/// half-updated.
public enum Interrupt {
    private static let requested = Atomic<Bool>(false)

    /// Safe to call from a signal handler: one atomic store, no allocation, no locks.
    public static func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// Whether a Ctrl-C is waiting to be noticed, without clearing it.
    public static var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }

    /// True once per Ctrl-C; clears the flag so the next computation starts fresh.
    public static func consume() -> Bool {
        requested.exchange(false, ordering: .relaxed)
    }

    /// Forgets a Ctrl-C that arrived while nothing was running.
    public static func reset() {
        requested.store(false, ordering: .relaxed)
    }
}
