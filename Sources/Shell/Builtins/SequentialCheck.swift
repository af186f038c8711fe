import Models
import Engine

/// Checks, when a `Sequential` is built, that each layer accepts what the one before produces,
/// so `Sequential(Linear(784, 1024), Linear(784, 10))` fails at once with the layer named,
/// not later in the middle of training.
///
/// Only sizes that are certain are compared: the features of a Linear chain and the channels of
/// a convolution chain. Layers that keep the size (activations, dropout, pooling) pass it on;
/// layers that change it in ways that depend on the input (Flatten, Reshape) forget it.
enum SequentialCheck {
    static func validate(_ layers: [any Layer], ranges: [SourceRange]) throws {
        var current: (width: ShapeContract.Width, from: Int)?
        for (index, layer) in layers.enumerated() {
            let contract = layer.shapeContract
            if let expects = contract.expects, let current, current.width != expects {
                let (expected, unit) = expects.size
                let (got, producedUnit) = current.width.size
                // Features after channels (or the reverse) means a Flatten or Reshape is missing,
                // which the engine reports better when the model runs; only compare like with like.
                if unit == producedUnit {
                    throw LabError(.layerMismatch(layer: Value.layerTypeName(layer), index: index, expected: expected, got: got,
                                                  unit: unit, fromIndex: current.from),
                                   at: index < ranges.count ? ranges[index] : nil)
                }
            }
            switch contract.produces {
            case .keep: break
            case .forget: current = nil
            case .set(let width): current = (width, index)
            }
        }
    }
}
