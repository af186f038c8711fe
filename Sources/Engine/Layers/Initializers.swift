/// Weight initialisation, as `torch.nn.init`: functions that fill a tensor in place.
///
/// Why it matters: a layer's output variance is (fan · Var(w)) times its input variance. If that
/// factor is above 1 activations explode layer after layer; below 1 they vanish. Each scheme picks
/// Var(w) so the factor is 1 for a given nonlinearity:
///
///     Xavier/Glorot:  Var(w) = gain² · 2 / (fanIn + fanOut)     (keeps forward *and* backward)
///     Kaiming/He:     Var(w) = gain² / fan                      (fan = fanIn or fanOut)
///
/// A uniform U(−b, b) has variance b²/3, so the uniform versions use b = √3 · std.
/// The fans of a weight of shape `[out, in, k…]` are fanIn = in·k…, fanOut = out·k…
/// (PyTorch reads them from dimensions 1 and 0 for every layer, ConvTranspose2d included).
///
/// References: Glorot and Bengio, "Understanding the difficulty of training deep feedforward
/// neural networks" (2010); He et al., "Delving Deep into Rectifiers" (2015); Radford et al.,
/// "Unsupervised Representation Learning with Deep Convolutional GANs" (2016) for N(0, 0.02).
public enum Init {
    /// Which fan Kaiming initialisation preserves: `fanIn` keeps the forward pass's variance,
    /// `fanOut` the backward pass's.
    public enum FanMode: Sendable {
        case fanIn, fanOut
    }

    /// The nonlinearity that follows the layer; it sets the gain (`torch.nn.init.calculate_gain`).
    public enum Nonlinearity: Sendable, Equatable {
        case linear, sigmoid, tanh, relu
        case leakyRelu(negativeSlope: Float)

        /// The factor by which the nonlinearity shrinks the standard deviation, undone by the init:
        /// ReLU zeroes half its inputs, so it needs √2; tanh's slope is below 1, so 5/3.
        public var gain: Float {
            switch self {
            case .linear, .sigmoid: return 1
            case .tanh: return 5.0 / 3.0
            case .relu: return Float(2).squareRoot()
            case let .leakyRelu(slope): return (2 / (1 + slope * slope)).squareRoot()
            }
        }
    }

    /// (fanIn, fanOut) of a weight of shape `[out, in, k…]`, as PyTorch computes them.
    public static func fans(_ shape: [Int]) throws -> (fanIn: Int, fanOut: Int) {
        guard shape.count >= 2 else {
            throw EngineError.invalidArgument(op: "init", message:
                "fan in and fan out cannot be computed for a tensor of shape \(shape) (it needs at least 2 dimensions)")
        }
        let receptiveField = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptiveField, shape[0] * receptiveField)
    }

    // MARK: - Plain distributions

    /// Fills `tensor` from U(low, high) (`nn.init.uniform_`).
    public static func uniform(_ tensor: Tensor, low: Float = 0, high: Float = 1,
                               using generator: inout RandomGenerator) {
        for i in tensor.data.indices { tensor.data[i] = low + (high - low) * generator.nextUniform() }
    }

    /// Fills `tensor` from N(mean, std²) (`nn.init.normal_`). DCGAN initialises every
    /// convolution with `normal(weight, mean: 0, std: 0.02)`.
    public static func normal(_ tensor: Tensor, mean: Float = 0, std: Float = 1,
                              using generator: inout RandomGenerator) {
        for i in tensor.data.indices { tensor.data[i] = mean + std * generator.nextNormal() }
    }

    /// Fills `tensor` with one value (`nn.init.constant_`; `zeros_` is `constant(t, 0)`).
    public static func constant(_ tensor: Tensor, _ value: Float) {
        for i in tensor.data.indices { tensor.data[i] = value }
    }

    // MARK: - Variance-preserving schemes

    /// Kaiming/He uniform: U(−b, b) with b = gain · √(3 / fan) (`nn.init.kaiming_uniform_`).
    ///
    /// - Parameters:
    ///   - a: the negative slope of the leaky ReLU that follows (0 is a plain ReLU). `Linear`
    ///     uses a = √5, which gives b = 1/√fanIn.
    ///   - mode: which fan to preserve; `fanIn` by default, as PyTorch.
    ///   - nonlinearity: `.leakyRelu` by default, as PyTorch (its slope is taken from `a`).
    public static func kaimingUniform(_ tensor: Tensor, a: Float = 0, mode: FanMode = .fanIn,
                                      nonlinearity: Nonlinearity? = nil,
                                      using generator: inout RandomGenerator) throws {
        let std = try kaimingStd(tensor.shape, a: a, mode: mode, nonlinearity: nonlinearity)
        let bound = Float(3).squareRoot() * std
        uniform(tensor, low: -bound, high: bound, using: &generator)
    }

    /// Kaiming/He normal: N(0, gain² / fan) (`nn.init.kaiming_normal_`). Parameters as
    /// `kaimingUniform`.
    public static func kaimingNormal(_ tensor: Tensor, a: Float = 0, mode: FanMode = .fanIn,
                                     nonlinearity: Nonlinearity? = nil,
                                     using generator: inout RandomGenerator) throws {
        let std = try kaimingStd(tensor.shape, a: a, mode: mode, nonlinearity: nonlinearity)
        normal(tensor, mean: 0, std: std, using: &generator)
    }

    /// Xavier/Glorot uniform: U(−b, b) with b = gain · √(6 / (fanIn + fanOut))
    /// (`nn.init.xavier_uniform_`).
    public static func xavierUniform(_ tensor: Tensor, gain: Float = 1,
                                     using generator: inout RandomGenerator) throws {
        let bound = Float(3).squareRoot() * (try xavierStd(tensor.shape, gain: gain))
        uniform(tensor, low: -bound, high: bound, using: &generator)
    }

    /// Xavier/Glorot normal: N(0, gain² · 2 / (fanIn + fanOut)) (`nn.init.xavier_normal_`).
    public static func xavierNormal(_ tensor: Tensor, gain: Float = 1,
                                    using generator: inout RandomGenerator) throws {
        normal(tensor, mean: 0, std: try xavierStd(tensor.shape, gain: gain), using: &generator)
    }

    private static func kaimingStd(_ shape: [Int], a: Float, mode: FanMode,
                                   nonlinearity: Nonlinearity?) throws -> Float {
        let (fanIn, fanOut) = try fans(shape)
        let fan = mode == .fanIn ? fanIn : fanOut
        let gain = (nonlinearity ?? .leakyRelu(negativeSlope: a)).gain
        return gain / Float(Swift.max(fan, 1)).squareRoot()
    }

    private static func xavierStd(_ shape: [Int], gain: Float) throws -> Float {
        let (fanIn, fanOut) = try fans(shape)
        return gain * (2 / Float(Swift.max(fanIn + fanOut, 1))).squareRoot()
    }
}

// MARK: - Drawing from the lab's random source

extension Init {
    /// The same initialisers drawing from `Random.source` (the seedable stream layers use),
    /// like PyTorch's functions drawing from the default generator.
    public static func uniform(_ tensor: Tensor, low: Float = 0, high: Float = 1) {
        uniform(tensor, low: low, high: high, using: &Random.source.generator)
    }

    public static func normal(_ tensor: Tensor, mean: Float = 0, std: Float = 1) {
        normal(tensor, mean: mean, std: std, using: &Random.source.generator)
    }

    public static func kaimingUniform(_ tensor: Tensor, a: Float = 0, mode: FanMode = .fanIn,
                                      nonlinearity: Nonlinearity? = nil) throws {
        try kaimingUniform(tensor, a: a, mode: mode, nonlinearity: nonlinearity, using: &Random.source.generator)
    }

    public static func kaimingNormal(_ tensor: Tensor, a: Float = 0, mode: FanMode = .fanIn,
                                     nonlinearity: Nonlinearity? = nil) throws {
        try kaimingNormal(tensor, a: a, mode: mode, nonlinearity: nonlinearity, using: &Random.source.generator)
    }

    public static func xavierUniform(_ tensor: Tensor, gain: Float = 1) throws {
        try xavierUniform(tensor, gain: gain, using: &Random.source.generator)
    }

    public static func xavierNormal(_ tensor: Tensor, gain: Float = 1) throws {
        try xavierNormal(tensor, gain: gain, using: &Random.source.generator)
    }
}
