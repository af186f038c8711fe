import Engine

/// How different a batch of pictures are from one another, as one number a learner can read.
///
///     spread(X)    = mean over pairs i < j of ‖xᵢ − xⱼ‖         (Euclidean distance over all pixels)
///     diversity(G) = spread(G(z₁) … G(z_N)) / spread(x₁ … x_N)   with N fixed z's and N real faces
///
/// 1 means the generator's faces differ from one another as much as real faces do; near 0 means
/// they are nearly all the same face, which is what mode collapse looks like from outside: many
/// different z, a few faces. Dividing by the real faces' spread makes the figure free of units
/// (pixel range, picture size), so 0.3 means the same thing at 32×32 and at 64×64.
///
/// It is a coarse measure (the GAN literature's finer ones, such as the Inception score or FID,
/// need a large trained network we do not have): a generator that makes 32 different blurs of
/// one face scores higher than it deserves. It is cheap and catches the failure it is for.
public enum SampleDiversity {
    /// The mean distance between every pair of pictures in `batch` (`[N, …]`, N ≥ 2), or nil for
    /// fewer than two pictures. Non-finite pixels give a non-finite answer, which callers treat as broken.
    public static func meanPairwiseDistance(_ batch: Tensor) -> Double? {
        guard batch.rank >= 1, batch.shape[0] >= 2 else { return nil }
        let count = batch.shape[0], size = batch.count / count
        let pixels = batch.data
        var total = 0.0
        for i in 0..<count {
            for j in (i + 1)..<count {
                var squares = 0.0
                for k in 0..<size {
                    let difference = Double(pixels[i * size + k]) - Double(pixels[j * size + k])
                    squares += difference * difference
                }
                total += squares.squareRoot()
            }
        }
        return total / Double(count * (count - 1) / 2)
    }

    /// `samples`' spread relative to `real`'s (see above); nil when either has fewer than two
    /// pictures or the real faces are all identical.
    public static func relative(_ samples: Tensor, to real: Tensor) -> Double? {
        guard let generated = meanPairwiseDistance(samples), let reference = meanPairwiseDistance(real), reference > 0 else { return nil }
        return generated / reference
    }
}
