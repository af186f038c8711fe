import Models
import Engine

/// A model printed like a notebook cell: one row per layer with its output shape and how many
/// parameters it learns, and the total, so a learner sees where a network's size comes from.
///
///     Sequential: 3 layers, 101,770 parameters (397.5 KiB)
///       #  layer                                            output shape  parameters
///       0  Linear(in_features=784, out_features=128, bias=True)  [1, 128]  100,480
public enum ModelSummary {
    /// The table; output shapes come from a forward pass of one zero example of `inputShape`
    /// (inferred for a first Linear or Conv2d layer when not given).
    /// `width` is the terminal's: layer descriptions are kept whole in PyTorch's form where the
    /// row fits, and cut with "…" only where it does not.
    public static func table(for model: any Layer, inputShape: [Int]? = nil, width: Int = 100) -> String {
        // A Sequential lists its layers; a two-part model (Autoencoder, GAN) its halves.
        let layers: [any Layer] = (model as? Sequential)?.layers ?? (model.children.isEmpty ? [model] : model.children.map(\.layer))
        let exampleInput = inputShape ?? guessInputShape(layers)
        let shapes = outputShapes(of: layers, input: exampleInput)
        let total = model.parameterCount
        let unit = (model is Sequential || model.children.isEmpty) ? "layer" : "part"
        var lines = ["\(Value.layerTypeName(model)): \(layers.count) \(unit)\(layers.count == 1 ? "" : "s"), "
                     + "\(grouped(total)) parameter\(total == 1 ? "" : "s") (\(MemoryBudget.text(bytes: total * 4)))"]
        let childNames = (model is Sequential || model.children.isEmpty) ? nil : model.children.map(\.name)
        let shapeTexts = layers.indices.map { index in index < shapes.count ? "\(shapes[index])" : "" }
        let counts = layers.map { grouped($0.parameterCount) }
        let shapeWidth = max(12, shapeTexts.map(\.count).max() ?? 0)
        let indexWidth = String(max(layers.count - 1, 0)).count
        // What the other columns and gutters take; the layer column gets the rest (at least 24).
        let otherColumns = 2 + indexWidth + 2 + 2 + shapeWidth + 2 + max(10, counts.map(\.count).max() ?? 0)
        let names = layers.enumerated().map { index, layer in
            let text = layer.children.isEmpty ? layer.description : Value.layerTypeName(layer) + "(…)"
            return shorten((childNames.map { $0[index] + ": " } ?? "") + text, to: max(24, width - otherColumns))
        }
        let nameWidth = max(5, names.map(\.count).max() ?? 0)
        lines.append("  " + "#".padding(toLength: indexWidth) + "  " + "layer".padding(toLength: nameWidth) + "  "
                     + "output shape".padding(toLength: shapeWidth) + "  parameters")
        for index in layers.indices {
            lines.append("  " + String(index).padding(toLength: indexWidth) + "  " + names[index].padding(toLength: nameWidth)
                         + "  " + shapeTexts[index].padding(toLength: shapeWidth) + "  " + counts[index])
        }
        if let exampleInput, shapes.count < layers.count {
            lines.append("  (output shapes stop where an input of shape \(exampleInput) no longer fits)")
        } else if exampleInput == nil {
            lines.append("  (for output shapes, call .summary(input: [1, C, H, W]))")
        }
        return lines.joined(separator: "\n")
    }

    /// One example of the shape the first layer expects, from its `ShapeContract`: a row of its
    /// features, or a picture of its channels at the first of its typical sizes that runs through
    /// every layer (32×32 for a convolution over the lessons' faces, 1×1 for a generator's code).
    static func guessInputShape(_ layers: [any Layer]) -> [Int]? {
        let contract = ShapeContract.chain(layers.map(\.shapeContract))
        switch contract.expects {
        case .features(let count): return [1, count]
        case .channels(let channels):
            let candidates = contract.exampleSizes.map { [1, channels, $0, $0] }
            return candidates.first { outputShapes(of: layers, input: $0).count == layers.count } ?? candidates.first
        case nil: return nil
        }
    }

    /// Each layer's output shape for one input, in evaluation mode (so BatchNorm's running
    /// statistics are not disturbed) and without gradients; stops at the first layer that fails.
    static func outputShapes(of layers: [any Layer], input: [Int]?) -> [[Int]] {
        guard let input, (try? MemoryBudget.check(float32Elements: input, what: "")) != nil,
              var x = try? Tensor.zeros(input) else { return [] }
        var shapes: [[Int]] = []
        for layer in layers {
            guard let output = try? layer.inference({ try layer(x) }) else { break }
            shapes.append(output.shape)
            x = output
        }
        return shapes
    }

    /// `101,770`: digits grouped in threes so large counts can be read at a glance.
    public static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func shorten(_ text: String, to length: Int) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= length ? line : String(line.prefix(length - 1)) + "…"
    }
}
