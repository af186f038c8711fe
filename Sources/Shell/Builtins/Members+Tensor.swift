import Models
import Engine

/// What follows a dot on a tensor: `x.shape`, `x.mean()`, `x.reshape([4, 2])`. Names follow PyTorch.
extension Members {
    static func ofTensor(_ tensor: Tensor) -> [Member] {
        var members: [Member] = [
            .property("shape", "the size along each axis") { _ in .list(tensor.shape.map { .number(Double($0)) }) },
            .property("count", "how many values it holds") { _ in .number(Double(tensor.count)) },
            .property("item", "the single value of a one-element tensor") { _ in
                guard tensor.count == 1 else {
                    throw LabError(.failure("item needs a tensor with one value, this one has shape \(tensor.shape)"))
                }
                return .number(Double(shortest: tensor.item))
            },
        ]
        let reductions: [(String, String, (Tensor) throws -> Tensor)] = [
            ("mean", "the mean of all values", { try $0.mean() }),
            ("sum", "the sum of all values", { try $0.sum() }),
            ("max", "the largest value", { try $0.max() }),
        ]
        for (name, summary, reduce) in reductions {
            members.append(method(name, summary, returns: "Double") { _ in .number(Double(shortest: try reduce(tensor).item)) })
        }
        let elementwise: [(String, String, (Tensor) throws -> Tensor)] = [
            ("exp", "e^x for each value", { $0.exp() }), ("log", "the natural logarithm of each value", { $0.log() }),
            ("sqrt", "the square root of each value", { $0.sqrt() }), ("abs", "the absolute value of each value", { $0.abs() }),
            ("relu", "max(0, x) for each value", { $0.relu() }), ("sigmoid", "1 / (1 + e^-x) for each value", { $0.sigmoid() }),
            ("tanh", "the hyperbolic tangent of each value", { $0.tanh() }),
            ("flatten", "keeps axis 0 and joins the rest: [N, C, H, W] → [N, C·H·W]", { try $0.flattened() }),
            ("transpose", "swaps the last two axes", { try $0.transposed() }),
        ]
        for (name, summary, transform) in elementwise {
            members.append(method(name, summary, returns: "Tensor") { _ in .tensor(try transform(tensor)) })
        }
        members.append(method("reshape", "the same values read with another shape (one size may be -1)",
                              [.positional("shape", "[Int]", "the new shape")], returns: "Tensor") { arguments in
            .tensor(try tensor.reshaped(try arguments.integers("shape", in: -1...Int(Int32.max))))
        })
        members.append(method("matmul", "the matrix product with another 2-D tensor",
                              [.positional("other", "Tensor", "a [k, n] tensor for this [m, k] one")], returns: "Tensor") { arguments in
            guard case .tensor(let other) = arguments.value("other").asTensorIfDataset else {
                throw LabError(.argumentType(function: "matmul", parameter: "other", expected: "a tensor",
                                             given: arguments.value("other").typeDescription), at: arguments.range(of: "other"))
            }
            if tensor.rank == 2 && other.rank == 2 {
                try MemoryBudget.check(float32Elements: [tensor.shape[0], other.shape[1]], what: "the product")
            }
            return .tensor(try tensor.matmul(other))
        })
        return members
    }

    /// A method member whose body receives the call's arguments.
    static func method(_ name: String, _ summary: String, _ parameters: [Parameter] = [], returns: String,
                       _ body: @escaping (CallArguments) throws -> Value) -> Member {
        .method(name, summary) { _ in Function(name, parameters, returns: returns, summary: summary, body: body) }
    }
}
