/// A small, fast, seeded random number generator: SplitMix64 (Steele, Lea & Flood, 2014,
/// "Fast splittable pseudorandom number generators"; the seeding generator of xoshiro).
///
/// Why our own and not `SystemRandomNumberGenerator`: the datasets must come out identical on
/// every machine and every run, so every random choice flows from one written-down seed. The
/// algorithm is only additions, shifts and multiplications on 64-bit integers, which every
/// computer does the same way.
public struct SplitMix64: RandomNumberGenerator {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15  // the golden ratio in fixed point: a well-spread step
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A float uniformly distributed in [0, 1): the top 24 bits, exactly representable.
    public mutating func unit() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// A float uniformly distributed in `range`.
    public mutating func uniform(_ range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// A bell-shaped value in `range`, most often near the middle: the mean of three uniforms
    /// (close to a normal distribution, without logarithms or square roots).
    public mutating func bell(_ range: ClosedRange<Float>) -> Float {
        let mean = (unit() + unit() + unit()) / 3
        return range.lowerBound + (range.upperBound - range.lowerBound) * mean
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Float) -> Bool { unit() < probability }

    /// An index into `weights`, chosen with probability proportional to its weight.
    public mutating func pick(weights: [Float]) -> Int {
        let total = weights.reduce(0, +)
        var threshold = unit() * total
        for (index, weight) in weights.enumerated() {
            threshold -= weight
            if threshold < 0 { return index }
        }
        return weights.count - 1
    }

    /// A generator for a sub-task, so that adding a random choice in one place does not
    /// change every face generated after it (identity and expression draw from separate streams).
    public static func derived(from seed: UInt64, stream: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}
