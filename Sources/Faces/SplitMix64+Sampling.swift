import Engine
/// The draws the face renderer makes from a `SplitMix64` stream (the generator itself is the
/// engine's). Each uses whole 64-bit draws and exact float steps, so faces match across machines.
extension SplitMix64 {
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

}
