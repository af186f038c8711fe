import Shell
import Engine

/// Lesson 1's tools for seeing gradients by hand, named as PyTorch names them: a parameter is a
/// tensor that records how it is used (`requires_grad=True`), `backward(y)` fills in every
/// parameter's `d y / d parameter`, and gradients *accumulate* until `zeroGrad` clears them.
extension BuiltinRegistry {
    public mutating func registerGradients() {
        let tensorBuiltin = self["tensor"]?.function
        register(Function("param", [.positional("values", "Number or [Double]", "a number, or a (nested) list of numbers")],
                          returns: "Tensor", summary: "a tensor that records gradients, like torch.tensor(…, requires_grad=True)") { arguments in
            let values: Tensor
            if case .number(let number) = arguments.value("values") {
                values = Tensor(Float(number))
            } else if case .list = arguments.value("values"), let tensor = tensorBuiltin {
                values = try arguments.tensor(from: tensor.body(CallArguments(binding: [(nil, arguments.value("values"), arguments.range(of: "values") ?? SourceRange(line: 1, column: 1))],
                                                                              to: tensor, context: arguments.context)))
            } else {
                throw arguments.invalid("values", "must be a number or a list of numbers, not \(arguments.value("values").typeDescription)")
            }
            return .tensor(Tensor(shape: values.shape, data: values.data, requiresGrad: true))
        }, category: .tensors, example: "let w = param(2)")

        register(Function("backward", [.positional("output", "Tensor", "a one-value tensor computed from parameters")],
                          returns: "Nothing", summary: "adds d(output)/d(parameter) to the gradient of every parameter it was computed from") { arguments in
            let output = try arguments.tensor("output")
            guard output.requiresGrad else {
                throw arguments.invalid("output", "was not computed from any param(…), so it has no gradient to pass back")
            }
            guard output.count == 1 else {
                throw arguments.invalid("output", "has shape \(output.shape); backward starts from one number, such as a loss (try .sum())")
            }
            try output.backward()
            return .nothing
        }, category: .tensors, example: "backward(w * w * 3)")

        register(Function("grad", [.positional("parameter", "Tensor", "a param(…) after backward")],
                          returns: "Tensor", summary: "the gradient accumulated in a parameter by backward") { arguments in
            let parameter = try arguments.tensor("parameter")
            guard parameter.requiresGrad else { throw arguments.invalid("parameter", "is not a param(…), so it never gets a gradient") }
            // No backward yet is a gradient of zero, as far as the learner can tell.
            return .tensor(parameter.grad.map { Tensor(shape: $0.shape, data: $0.data) } ?? Tensor(shape: parameter.shape, data: Array(repeating: 0, count: parameter.count)))
        }, category: .tensors, example: "grad(w)")

        register(Function("zeroGrad", [.positional("parameter", "Tensor", "a param(…)")],
                          returns: "Nothing", summary: "clears a parameter's gradient, as optimizer.zero_grad() does before each step") { arguments in
            let parameter = try arguments.tensor("parameter")
            guard parameter.requiresGrad else { throw arguments.invalid("parameter", "is not a param(…)") }
            parameter.zeroGrad()
            return .nothing
        }, category: .tensors, example: "zeroGrad(w)")
    }
}

private extension CallArguments {
    func tensor(from value: Value) throws -> Tensor {
        guard case .tensor(let tensor) = value else { throw invalid("values", "must be numbers") }
        return tensor
    }
}

extension BuiltinRegistry {
    /// The shell's built-ins plus the lessons' own tools: what `lab` starts with.
    public static func withLessonTools() -> BuiltinRegistry {
        var registry = BuiltinRegistry.standard()
        registry.registerGradients()
        return registry
    }
}
