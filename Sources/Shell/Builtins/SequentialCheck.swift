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
    enum Width: Equatable {
        case features(Int)
        case channels(Int)

        var size: (Int, String) {
            switch self {
            case .features(let count): return (count, "input features")
            case .channels(let count): return (count, "input channels")
            }
        }
    }

    static func validate(_ layers: [any Layer], ranges: [SourceRange]) throws {
        var current: (width: Width, from: Int)?
        for (index, layer) in layers.enumerated() {
            let (expects, produces) = widths(of: layer)
            if let expects, let current, current.width != expects {
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
            switch produces {
            case .keep: break
            case .forget: current = nil
            case .set(let width): current = (width, index)
            }
        }
    }

    enum Effect {
        case keep
        case forget
        case set(Width)
    }

    /// What a layer needs from its input, and what it does to the width.
    static func widths(of layer: any Layer) -> (expects: Width?, produces: Effect) {
        switch layer {
        case let linear as Linear: return (.features(linear.inFeatures), .set(.features(linear.outFeatures)))
        case let convolution as Conv2d: return (.channels(convolution.inChannels), .set(.channels(convolution.outChannels)))
        case let transposed as ConvTranspose2d: return (.channels(transposed.inChannels), .set(.channels(transposed.outChannels)))
        case let norm as BatchNorm2d: return (.channels(norm.numFeatures), .keep)
        case let norm as BatchNorm1d: return (.features(norm.numFeatures), .keep)
        case is ReLU, is LeakyReLU, is Sigmoid, is Tanh, is Softplus, is Dropout, is Dropout2d, is MaxPool2d, is AvgPool2d, is Upsample:
            return (nil, .keep)
        default:
            return (nil, .forget)
        }
    }
}
