import SafeFiles

/// The lab's one memory policy: how much a single value may take, checked before anything is
/// allocated.
///
/// A learner typing `zeros([100000, 100000])`, `Linear(1, 40000)(zeros([40000, 1]))` or
/// `Upsample(scale: 64)` on a laptop should get a sentence, not a frozen machine or a
/// "failed to allocate" trap that loses the session. So every op computes the size of what it
/// is about to allocate (its result, and scratch buffers such as convolution's columns) and asks
/// here first; so do checkpoint and dataset loaders, and the shell for its own values (strings,
/// lists). The limit is per value: it catches the typo (a size thousands of times too large).
/// A machine that is merely full is caught by a second check, for large requests only: the
/// request must leave `reserveBytes` of the machine's available memory free.
public enum MemoryBudget {
    /// The most one value (a tensor, a buffer, one layer's parameters, a file read) may take: 2 GiB.
    public static let bytesPerValue = 2 << 30

    /// Strings and lists hold names, settings and small results, never data (that is what
    /// tensors are for), so they get a smaller share: a string or list past 64 MiB is a runaway
    /// doubling (`s = s + s`, `a = [a, a]`), refused long before it fills the memory.
    public static let bytesPerTextOrList = 64 << 20

    /// Throws unless a string or list of `bytes` fits `bytesPerTextOrList`.
    public static func check(textOrListBytes bytes: Int, what: String) throws {
        guard bytes <= bytesPerTextOrList else {
            throw EngineError.textOrListTooLarge(what: what, bytes: bytes, budget: bytesPerTextOrList)
        }
    }

    /// The number of float32 values that fit the budget.
    public static var float32Elements: Int { bytesPerValue / 4 }

    /// Requests from this size up are also checked against the machine's available memory
    /// (reading it costs a file read, so small requests skip it).
    public static let bytesCheckedAgainstMachine = 128 << 20

    /// What a large request must leave free for the rest of the machine: 512 MiB.
    public static let reserveBytes = 512 << 20

    /// Throws unless `bytes` fits the budget and the machine's available memory; `what` names
    /// the value in the message.
    public static func check(bytes: Int, what: String) throws {
        try check(bytes: bytes, what: what,
                  available: bytes >= bytesCheckedAgainstMachine ? SystemMemory.availableBytes() : nil)
    }

    /// The same check with the available memory given (nil: unknown, so only the per-value limit).
    static func check(bytes: Int, what: String, available: Int?) throws {
        guard bytes <= bytesPerValue else {
            throw EngineError.memoryBudgetExceeded(what: what, bytes: bytes, budget: bytesPerValue)
        }
        if bytes >= bytesCheckedAgainstMachine, let available, bytes > available - reserveBytes {
            throw EngineError.memoryNotAvailable(what: what, bytes: bytes, available: available)
        }
    }

    /// Throws unless a float32 tensor with these sizes (multiplied together) fits the budget.
    /// Products are checked for overflow, since 10¹² × 10¹² does not fit in an Int; an overflow
    /// is reported as `Int.max` bytes. Returns the number of elements.
    @discardableResult
    public static func check(float32Elements factors: [Int], what: String) throws -> Int {
        var elements = 1
        var overflow = false
        for factor in factors {
            let product = elements.multipliedReportingOverflow(by: Swift.max(0, factor))
            overflow = overflow || product.overflow
            elements = product.partialValue
        }
        let bytes = elements.multipliedReportingOverflow(by: 4)
        try check(bytes: overflow || bytes.overflow ? Int.max : bytes.partialValue, what: what)
        return elements
    }

    /// `2.0 GiB`, `381.5 MiB`, `12 bytes`: sizes a learner can compare with their machine's memory.
    public static func text(bytes: Int) -> String { ByteCount.text(bytes) }
}
