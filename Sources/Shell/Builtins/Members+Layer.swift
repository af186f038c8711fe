import Models
import Engine

/// What follows a dot on a layer: its own tensors by PyTorch name (`weight`, `bias`), its named
/// children (`ae.encoder`), and `summary()`, `train()`, `eval()`.
extension Members {
    static func ofLayer(_ layer: any Layer) -> [Member] {
        var members: [Member] = [
            .property("parameterCount", "how many values training adjusts") { _ in .number(Double(layer.parameterCount)) },
            .property("isTraining", "true in training mode (dropout on, batch statistics)") { _ in .bool(layer.isTraining) },
            method("summary", "a table of layers with output shapes and parameter counts",
                   [.labelled("input", "[Int]", default: .nothing, "the shape of one input batch, e.g. [1, 3, 64, 64]")],
                   returns: "Text") { arguments in
                let shape: [Int]? = if case .nothing = arguments.value("input") { nil } else { try arguments.integers("input") }
                return .text(ModelSummary.table(for: layer, inputShape: shape, width: arguments.context.displayWidth))
            },
            method("train", "training mode: dropout active, batch norm uses batch statistics", returns: "Layer") { _ in
                layer.train()
                return .layer(layer)
            },
            method("eval", "evaluation mode: dropout off, batch norm uses running statistics", returns: "Layer") { _ in
                layer.eval()
                return .layer(layer)
            },
        ]
        for (name, tensor) in layer.parameters + layer.buffers {
            members.append(.property(name, "the layer's \(name) tensor \(tensor.shape)") { _ in .tensor(tensor) })
        }
        // Sequential's children are numbered and reached with model[0]; named ones become members.
        for (name, child) in layer.children where !(layer is Sequential) {
            members.append(.property(name, "the \(Value.layerTypeName(child)) inside") { _ in .layer(child) })
        }
        if let sequential = layer as? Sequential {
            members.append(.property("count", "how many layers it holds") { _ in .number(Double(sequential.count)) })
        }
        return members
    }
}
