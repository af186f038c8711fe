import SafeFiles

/// Everything the engine can refuse, with the facts needed to explain it.
///
/// Errors are values, not traps: a learner who builds a model with mismatched shapes gets a
/// sentence that names the operation and both shapes, and keeps their session.
/// `description` is the single place where these facts become text.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    /// Two shapes cannot be broadcast together (elementwise ops).
    case broadcastMismatch(op: String, lhs: [Int], rhs: [Int])
    /// The inner dimensions of a matrix product differ.
    case matmulMismatch(lhs: [Int], rhs: [Int])
    /// An op needed a different number of dimensions or a specific size.
    case shapeMismatch(op: String, expected: String, got: [Int])
    /// A reshape asked for a different number of elements.
    case reshapeMismatch(from: [Int], to: [Int])
    /// An axis is out of range for the tensor's rank.
    case invalidAxis(op: String, axis: Int, rank: Int)
    /// A value that an op needs is out of its allowed range (a negative size, zero steps...).
    case invalidArgument(op: String, message: String)
    /// A value would take more memory than `MemoryBudget` allows one value; `what` names it.
    case memoryBudgetExceeded(what: String, bytes: Int, budget: Int)
    /// A string or list would pass its smaller budget (`MemoryBudget.bytesPerTextOrList`).
    case textOrListTooLarge(what: String, bytes: Int, budget: Int)
    /// A value within the budget would leave the machine too little memory.
    case memoryNotAvailable(what: String, bytes: Int, available: Int)
    /// `backward()` was called on something that cannot start a backward pass.
    case backwardMisuse(String)
    /// A checkpoint file is unreadable, truncated, corrupt or does not fit the model.
    case checkpoint(path: String, reason: String)
    /// A layer was given an input it cannot take, e.g. `Linear` expecting 784 features but
    /// getting 1024. `layer` names it; `expected` and `got` are the facts that differ.
    case layerInput(layer: String, expected: String, got: String, shape: [Int])
    /// An error inside layer `index` of a `Sequential`, so the learner knows which layer failed.
    indirect case inLayer(index: Int, layer: String, error: EngineError)
    /// A spatial input is smaller than the window sliding over it (kernel, after padding).
    case inputTooSmall(op: String, inputShape: [Int], reason: String)

    public var description: String {
        switch self {
        case let .broadcastMismatch(op, lhs, rhs):
            return "\(op): shapes \(lhs) and \(rhs) cannot be broadcast together "
                + "(each dimension must match or be 1, counting from the right)"
        case let .matmulMismatch(lhs, rhs):
            let inner = (lhs.last ?? 0, rhs.count >= 2 ? rhs[rhs.count - 2] : rhs.first ?? 0)
            return "matmul: inner dimensions differ: \(lhs) × \(rhs) (\(inner.0) ≠ \(inner.1))"
        case let .shapeMismatch(op, expected, got):
            return "\(op): expected \(expected) but got shape \(got)"
        case let .reshapeMismatch(from, to):
            return "reshape: cannot view \(from) (\(from.reduce(1, *)) elements) "
                + "as \(to) (\(to.reduce(1, *)) elements)"
        case let .invalidAxis(op, axis, rank):
            return "\(op): axis \(axis) is out of range for a tensor with \(rank) dimensions"
        case let .invalidArgument(op, message):
            return "\(op): \(message)"
        case let .memoryBudgetExceeded(what, bytes, budget):
            return "\(what) would need \(MemoryBudget.text(bytes: bytes)), more than the "
                + "\(MemoryBudget.text(bytes: budget)) a single value may use — use smaller sizes"
        case let .memoryNotAvailable(what, bytes, available):
            return "\(what) would need \(MemoryBudget.text(bytes: bytes)), but the machine has only "
                + "\(MemoryBudget.text(bytes: available)) free — free values you no longer need "
                + "(vars lists them; let name = 0 frees one) or use smaller sizes"
        case let .textOrListTooLarge(what, bytes, budget):
            return "\(what) would need \(MemoryBudget.text(bytes: bytes)), more than the "
                + "\(MemoryBudget.text(bytes: budget)) a string or list may use — keep data in tensors"
        case let .backwardMisuse(message):
            return "backward: \(message)"
        case let .checkpoint(path, reason):
            return "checkpoint '\(PrintableText.escaped(path, limit: 300))': \(reason)"
        case let .layerInput(layer, expected, got, shape):
            return "\(layer) expects \(expected) but got \(got) (input shape \(shape))"
        case let .inLayer(index, layer, error):
            return "layer \(index) (\(layer)): \(error)"
        case let .inputTooSmall(op, inputShape, reason):
            return "\(op): input of shape \(inputShape) is too small: \(reason)"
        }
    }
}
