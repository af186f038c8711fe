/// How a loss turns one value per element (or per sample) into what `backward()` starts from
/// (PyTorch's `reduction=` argument).
///
/// `.mean` is the default, as in PyTorch: the loss, and so the gradient's size, does not grow with
/// the batch, so one learning rate works for any batch size. `.sum` adds them up; `.none` keeps
/// every value, for inspecting which samples the model gets wrong.
public enum Reduction: Sendable {
    case mean, sum, none

    /// Applies the reduction to per-element losses.
    func apply(_ losses: Tensor) throws -> Tensor {
        switch self {
        case .mean: return try losses.mean()
        case .sum: return try losses.sum()
        case .none: return losses
        }
    }
}

/// Losses compare a prediction with a target of the same shape; broadcasting them silently
/// (a [N, 1] prediction against [N] targets gives an [N, N] loss) is a classic bug, so refuse it.
func requireSameShape(_ op: String, _ input: Tensor, _ target: Tensor) throws {
    guard input.shape == target.shape else {
        throw EngineError.invalidArgument(op: op, message:
            "input \(input.shape) and target \(target.shape) must have the same shape "
            + "(reshape one of them; losses do not broadcast)")
    }
}
