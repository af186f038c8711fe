/// What a layer can say about sizes before it runs: the size it needs along axis 1 (the features
/// of a row, or the channels of a picture) and what it does to that size. The shell checks a
/// `Sequential` with it the moment it is built, so `Sequential(Linear(784, 128), Linear(64, 10))`
/// fails at once, naming the layer; the model table uses it to pick an example input.
///
/// Every layer must state its contract (the protocol gives no default), so a new layer cannot
/// silently fall through a check: the compiler asks for it.
public struct ShapeContract: Equatable, Sendable {
    public enum Width: Equatable, Sendable {
        case features(Int)
        case channels(Int)

        /// The number and what it counts, for messages: `(784, "input features")`.
        public var size: (count: Int, unit: String) {
            switch self {
            case .features(let count): return (count, "input features")
            case .channels(let count): return (count, "input channels")
            }
        }
    }

    public enum Effect: Equatable, Sendable {
        /// Passes the width on unchanged (activations, dropout, pooling, batch norm).
        case keep
        /// Changes it in a way that depends on the input (Flatten, Reshape, a whole model).
        case forget
        /// Produces exactly this width (Linear's out_features, a convolution's out_channels).
        case set(Width)
    }

    public var expects: Width?
    public var produces: Effect
    /// Picture sizes (height = width) worth trying as an example input, most typical first:
    /// 32 for a convolution over the lessons' faces, 1 for a transposed convolution over codes.
    public var exampleSizes: [Int]

    public init(expects: Width?, produces: Effect, exampleSizes: [Int] = []) {
        self.expects = expects
        self.produces = produces
        self.exampleSizes = exampleSizes
    }

    /// A layer that works on any width and keeps it.
    public static let keepsWidth = ShapeContract(expects: nil, produces: .keep)
    /// A layer whose sizes are known only once it runs.
    public static let unknown = ShapeContract(expects: nil, produces: .forget)

    /// The contract of layers run one after another: what the first layer that needs a width
    /// needs (if nothing before it changed the width), and the last effect that is not `keep`.
    public static func chain(_ contracts: [ShapeContract]) -> ShapeContract {
        var expects: Width?
        var exampleSizes: [Int] = []
        for contract in contracts {
            if let needed = contract.expects { expects = needed; exampleSizes = contract.exampleSizes; break }
            if contract.produces != .keep { break }
        }
        let produces = contracts.last { $0.produces != .keep }?.produces ?? .keep
        return ShapeContract(expects: expects, produces: produces, exampleSizes: exampleSizes)
    }
}
