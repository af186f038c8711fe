/// Reverse-mode automatic differentiation.
///
/// Every op records on its result the inputs and a rule mapping the result's gradient to the
/// inputs' gradients (`Tensor.Origin`). `backward()` orders the graph so that each tensor comes
/// after everything computed from it, then walks it once, handing each gradient to its origin's
/// rule. A tensor used twice (a "diamond" in the graph) receives two contributions, so gradients
/// are *accumulated* with `+`, never assigned. (micrograd's `backward()` is the model for this.)
extension Tensor {
    /// Computes d(self)/d(leaf) for every leaf that requires gradients, adding it to `leaf.grad`.
    ///
    /// - Parameter gradient: the gradient flowing in; defaults to 1 for a one-element tensor
    ///   (a loss). Leaves accumulate across calls, as in PyTorch: call `zeroGrad` between steps.
    public func backward(gradient: Tensor? = nil) throws {
        guard requiresGrad else {
            throw EngineError.backwardMisuse("this tensor does not require gradients "
                + "(no parameter or input with requiresGrad was used to compute it)")
        }
        let seed: Tensor
        if let gradient {
            guard gradient.shape == shape else {
                throw EngineError.shapeMismatch(op: "backward", expected: "a gradient of shape \(shape)",
                                                got: gradient.shape)
            }
            seed = gradient
        } else {
            guard count == 1 else {
                throw EngineError.backwardMisuse("a tensor of shape \(shape) needs an explicit gradient; "
                    + "call backward() on a scalar loss")
            }
            seed = Tensor(shape: shape, data: [1])
        }

        try GradientMode.withoutGradients {
            var gradients: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): seed]
            for node in topologicalOrder().reversed() {
                guard let outputGradient = gradients.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                guard let origin = node.origin else {
                    // A leaf: keep its gradient, adding to what earlier passes left.
                    node.grad = try node.grad.map { try $0 + outputGradient } ?? outputGradient
                    continue
                }
                let inputGradients = try origin.backward(outputGradient)
                for (input, inputGradient) in zip(origin.inputs, inputGradients) {
                    guard input.requiresGrad, let inputGradient else { continue }
                    let reduced = try inputGradient.sumToShape(input.shape)
                    let key = ObjectIdentifier(input)
                    gradients[key] = try gradients[key].map { try $0 + reduced } ?? reduced
                }
            }
        }
    }

    /// The graph below this tensor, each node after all the nodes it depends on
    /// (depth-first, iterative so that deep graphs cannot overflow the stack).
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: Tensor, inputsPushed: Bool)] = [(self, false)]
        while let (node, inputsPushed) = stack.popLast() {
            if inputsPushed {
                order.append(node)
                continue
            }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for input in node.origin?.inputs ?? [] where input.requiresGrad
                && !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }

    /// Forgets the accumulated gradient (PyTorch's `zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        grad = nil
    }
}

/// Whether ops record the graph. Evaluation, sampling and optimiser updates switch it off:
/// they need values, not gradients, and recording would waste memory.
///
/// The mode is task-local (thread-local outside Swift concurrency), so a no-grad scope in one
/// test or thread never switches gradients off in another.
public enum GradientMode {
    @TaskLocal private static var disabled = false

    public static var isEnabled: Bool { !disabled }

    /// Runs `body` with graph recording off, restoring the previous mode afterwards
    /// (PyTorch's `with torch.no_grad():`).
    public static func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
        try $disabled.withValue(true) { try body() }
    }
}
