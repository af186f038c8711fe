/// A chain of layers, each fed the previous one's output (`torch.nn.Sequential`).
///
///     y = layerₖ(… layer₁(layer₀(x)))
///
/// Children are named "0", "1", … by position, so a `Sequential`'s checkpoint keys are PyTorch's
/// (`0.weight`, `2.bias`; `ReLU` at 1 owns nothing, so no key mentions it). Shapes: whatever the
/// first layer takes, whatever the last returns.
///
/// When a layer throws, the error is wrapped with its index and description
/// ("layer 2 (Linear(...)): Linear expects 784 input features but got 1024"), so a learner sees
/// *which* layer refused the input, not just that something did.
public final class Sequential: Layer {
    /// The layers, in order.
    public private(set) var layers: [any Layer]
    public var isTraining = true
    public var shapeContract: ShapeContract { .chain(layers.map(\.shapeContract)) }

    /// `Sequential(Linear(2, 8), ReLU(), Linear(8, 1))`.
    public init(_ layers: any Layer...) { self.layers = layers }

    /// From an array built in a loop.
    public init(_ layers: [any Layer]) { self.layers = layers }

    public var count: Int { layers.count }

    /// The layer at `index`, as `model[0]` in PyTorch. Out of range it traps, like an Array:
    /// code driven by what a learner types should check `count` first.
    public subscript(index: Int) -> any Layer { layers[index] }

    /// Adds a layer at the end (named by its new position).
    public func append(_ layer: any Layer) { layers.append(layer) }

    public var children: [(name: String, layer: any Layer)] {
        layers.enumerated().map { (String($0.offset), $0.element) }
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        var x = input
        for (index, layer) in layers.enumerated() {
            do {
                x = try layer(x)
            } catch let error as EngineError {
                throw EngineError.inLayer(index: index, layer: Sequential.shortName(layer), error: error)
            }
        }
        return x
    }

    /// A one-line name for error messages: a nested Sequential is named by its type, not by
    /// its multi-line listing.
    static func shortName(_ layer: any Layer) -> String {
        layer is Sequential ? "Sequential" : layer.description
    }

    /// PyTorch's layout: one numbered line per layer, nested containers indented.
    public var description: String {
        guard !layers.isEmpty else { return "Sequential()" }
        let lines = layers.enumerated().map { index, layer in
            "  (\(index)): " + layer.description.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n  ")
        }
        return "Sequential(\n" + lines.joined(separator: "\n") + "\n)"
    }
}
