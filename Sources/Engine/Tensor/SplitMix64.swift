/// A small, fast, seeded random number generator: SplitMix64 (Steele, Lea & Flood, 2014,
/// "Fast splittable pseudorandom number generators"; the seeding generator of xoshiro).
///
/// It seeds the engine's `RandomGenerator` (spreading any seed, even 0, over xoshiro's state) and
/// draws every choice of the face renderer. Why our own and not `SystemRandomNumberGenerator`:
/// the datasets must come out identical on every machine and every run, so every random choice
/// flows from one written-down seed. The algorithm is only additions, shifts and multiplications
/// on 64-bit integers, which every computer does the same way.
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

    /// A generator for a sub-task, so that adding a random choice in one place does not
    /// change every face generated after it (identity and expression draw from separate streams).
    public static func derived(from seed: UInt64, stream: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}
