/// An optimiser moves parameters downhill on the loss, using the gradients `backward()` left in
/// each parameter's `grad`.
///
/// The training loop is always the same five lines, as in PyTorch:
///
///     optimizer.zeroGrad()              // forget last step's gradients (they accumulate)
///     let loss = try lossFunction(model(x), y)
///     try loss.backward()               // fill every parameter's .grad
///     optimizer.step()                  // update each parameter from its gradient
///
/// This protocol's extension owns the walk: it visits each parameter that received a gradient
/// (one that did not take part in the loss is skipped, as PyTorch skips `grad is None`) and
/// hands it to the conforming type's `update`, which holds one update rule and nothing else —
/// see SGD.swift and Adam.swift. (The split follows mlx-swift's optimisers.)
public protocol Optimizer: AnyObject {
    /// The tensors this optimiser updates, in a fixed order; `slot` in `update` indexes it.
    var parameters: [Tensor] { get }
    /// The step size. A `var`, so a schedule can change it between steps.
    var learningRate: Float { get set }
    /// The update rule for one parameter, called by `step()`: change `parameter.data` in place
    /// from `gradient` (its values, same count), keeping any state per `slot`.
    func update(_ parameter: Tensor, gradient: [Float], slot: Int)
}

extension Optimizer {
    /// Applies one update to every parameter that has a gradient (`optimizer.step()`).
    ///
    /// The update runs with gradient recording off, as PyTorch's `@torch.no_grad()` step: changing
    /// a weight is not part of the model's computation and must not enter the graph.
    public func step() {
        GradientMode.withoutGradients {
            for (slot, parameter) in parameters.enumerated() {
                guard let gradient = parameter.grad else { continue }
                update(parameter, gradient: gradient.data, slot: slot)
            }
        }
    }

    /// Forgets every parameter's gradient (`optimizer.zero_grad()`, which sets them to None).
    public func zeroGrad() {
        for parameter in parameters { parameter.zeroGrad() }
    }
}

/// Checks a hyperparameter the way `torch.optim` does, throwing instead of trapping, since a
/// learner types these in.
func requireHyperparameter(_ valid: Bool, _ optimizer: String, _ message: @autoclosure () -> String) throws {
    guard valid else { throw EngineError.invalidArgument(op: optimizer, message: message()) }
}

/// The same tensor listed twice would be updated twice per step (with two momentum buffers):
/// refuse it, as `torch.optim` does.
func requireDistinct(_ parameters: [Tensor], _ optimizer: String) throws {
    let distinct = Set(parameters.map(ObjectIdentifier.init))
    try requireHyperparameter(distinct.count == parameters.count, optimizer,
                              "a parameter appears more than once in the list")
}
