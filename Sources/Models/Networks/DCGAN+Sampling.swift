import Engine
import Foundation

/// Drawing from a trained generator.
extension DCGAN {
    /// `count` new faces from noise drawn with `seed`: `[count, 3, S, S]` in [−1, 1], S = `imageSize`.
    public func sample(_ count: Int, seed: UInt64) throws -> Tensor {
        guard (1...1024).contains(count) else {
            throw EngineError.invalidArgument(op: "sample", message: "count must be between 1 and 1024, not \(count)")
        }
        var generator = RandomGenerator(seed: seed)
        return try sample(noise: noise(count, using: &generator))
    }

    /// The generator's faces for the given noise, in evaluation mode: BatchNorm uses the running
    /// statistics gathered in training, so each face depends on its own z alone, not on which
    /// other faces share the batch. No gradients are recorded.
    public func sample(noise z: Tensor) throws -> Tensor {
        try generator.inference { try generate(z) }
    }

    /// `steps` faces along the arc from z₁ to z₂ (each `[latent]`, `[1, latent]` or
    /// `[1, latent, 1, 1]`), by spherical interpolation:
    ///
    ///     slerp(z₁, z₂; t) = sin((1 − t)θ)/sin θ · z₁ + sin(tθ)/sin θ · z₂,   cos θ = z₁·z₂ / (|z₁||z₂|)
    ///
    /// Why not a straight line: in 64 dimensions a normal z almost always has length ≈ √64 = 8,
    /// but the midpoint of two of them is shorter (≈ 5.7), a z the generator never saw in training.
    /// The arc keeps the length typical all the way (White, "Sampling generative networks", 2016).
    public func interpolate(from first: Tensor, to second: Tensor, steps: Int = 8) throws -> Tensor {
        guard first.count == latent, second.count == latent else {
            throw EngineError.shapeMismatch(op: "interpolate", expected: "two noise vectors of \(latent) numbers",
                                            got: first.count == latent ? second.shape : first.shape)
        }
        guard (2...64).contains(steps) else {
            throw EngineError.invalidArgument(op: "interpolate", message: "steps must be between 2 and 64, not \(steps)")
        }
        let a = first.data.map { Double($0) }, b = second.data.map { Double($0) }
        let norms = (a.reduce(0) { $0 + $1 * $1 }.squareRoot(), b.reduce(0) { $0 + $1 * $1 }.squareRoot())
        let cosine = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / max(norms.0 * norms.1, 1e-12)
        let theta = Foundation.acos(min(1, max(-1, cosine)))
        var data: [Float] = []
        for index in 0..<steps {
            let t = Double(index) / Double(steps - 1)
            // Nearly parallel vectors: sin θ ≈ 0, and the straight line is the same path.
            let (wa, wb) = theta < 1e-4 ? (1 - t, t)
                : (Foundation.sin((1 - t) * theta) / Foundation.sin(theta), Foundation.sin(t * theta) / Foundation.sin(theta))
            data += zip(a, b).map { Float(wa * $0 + wb * $1) }
        }
        return try sample(noise: Tensor(shape: [steps, latent, 1, 1], data: data))
    }
}
