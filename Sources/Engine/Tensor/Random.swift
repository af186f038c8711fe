import Foundation

/// A small, fast, seedable random generator (xoshiro256**, seeded through SplitMix64).
///
/// Everything random in the lab — initial weights, noise vectors, shuffles, dropout masks —
/// draws from a generator like this, so one seed reproduces a whole run bit for bit on the
/// same machine. Reference: Blackman and Vigna, "Scrambled linear pseudorandom number
/// generators" (2021).
public struct RandomGenerator: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        // SplitMix64 spreads any seed, even 0, over the four state words.
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    /// Uniform in [0, 1), from the top 24 bits (a float's full precision).
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Standard normal, by the Box–Muller transform.
    public mutating func nextNormal() -> Float {
        let u1 = Swift.max(Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0), 1e-300)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }
}

/// A generator in a box, so that layers and ops can share and advance one stream of numbers.
public final class RandomSource {
    public var generator: RandomGenerator
    public init(seed: UInt64) { generator = RandomGenerator(seed: seed) }
}

/// The lab's random source, like `torch.manual_seed`: layers draw their initial weights from it
/// unless given a generator of their own.
///
/// There is one global source; `withSeed` gives a block its own, task-local source, and `using`
/// runs a block on a source its caller keeps (each shell session has one), so sessions and tests
/// running side by side cannot disturb each other's streams.
public enum Random {
    private static let global = RandomSource(seed: 0)
    @TaskLocal private static var scoped: RandomSource?

    /// The source in effect here: the innermost `withSeed` block's, or the global one.
    public static var source: RandomSource { scoped ?? global }

    /// Restarts the source in effect, so what follows is reproducible.
    public static func seed(_ seed: UInt64) {
        source.generator = RandomGenerator(seed: seed)
    }

    /// Runs `body` with a fresh source seeded with `seed`, visible only inside it.
    public static func withSeed<Result>(_ seed: UInt64, _ body: () throws -> Result) rethrows -> Result {
        try using(RandomSource(seed: seed), body)
    }

    /// Runs `body` drawing from `source`, which keeps its place in the stream for the next call.
    public static func using<Result>(_ source: RandomSource, _ body: () throws -> Result) rethrows -> Result {
        try $scoped.withValue(source) { try body() }
    }
}

extension Tensor {
    /// Values from N(mean, std²).
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1,
                             using generator: inout RandomGenerator) throws -> Tensor {
        guard std >= 0, std.isFinite else {  // PyTorch: "normal expects std >= 0.0"
            throw EngineError.invalidArgument(op: "randn", message: "std must be a finite number ≥ 0, not \(std)")
        }
        guard mean.isFinite else {
            throw EngineError.invalidArgument(op: "randn", message: "mean must be a finite number, not \(mean)")
        }
        let count = try Shape.elementCount(shape)
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count { values[i] = mean + std * generator.nextNormal() }
        return Tensor(shape: shape, data: values)
    }

    /// Values from N(mean, std²), drawn from the global generator.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1) throws -> Tensor {
        try randn(shape, mean: mean, std: std, using: &Random.source.generator)
    }

    /// Values uniform in [low, high).
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1,
                               using generator: inout RandomGenerator) throws -> Tensor {
        guard low.isFinite, high.isFinite, low <= high else {  // PyTorch: "uniform_ expects to return a [from, to) range"
            throw EngineError.invalidArgument(op: "uniform", message: "needs finite bounds with low ≤ high (got \(low) and \(high))")
        }
        let count = try Shape.elementCount(shape)
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count { values[i] = low + (high - low) * generator.nextUniform() }
        return Tensor(shape: shape, data: values)
    }

    /// Values uniform in [low, high), drawn from the global generator.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1) throws -> Tensor {
        try uniform(shape, low: low, high: high, using: &Random.source.generator)
    }
}
