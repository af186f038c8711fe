import Engine

/// What a trained autoencoder (plain or variational) can do besides training: redraw faces, walk
/// between two faces through its code space, and draw faces from random codes.
extension Autoencoding {
    /// Each face encoded and decoded again: `[N, 3, 32, 32]` → `[N, 3, 32, 32]`, in evaluation
    /// mode and without recording gradients (nothing here is trained).
    public func reconstruct(_ faces: Tensor) throws -> Tensor {
        try inference { try decode(encode(faces)) }
    }

    /// `count` faces decoded from codes drawn from the standard normal N(0, I) with `seed`.
    ///
    /// The same line of code means two different things. A VAE was trained to keep its codes near
    /// N(0, I), so this is sampling its prior: new faces. A plain autoencoder was never told where
    /// its codes should lie; N(0, I) is a guess, and most such codes fall where no training face
    /// ever put one, so the decoder draws whatever it happens to draw there.
    public func decodeRandomCodes(_ count: Int, seed: UInt64) throws -> Tensor {
        guard (1...1024).contains(count) else {
            throw EngineError.invalidArgument(op: "sample", message: "count must be between 1 and 1024, not \(count)")
        }
        var generator = RandomGenerator(seed: seed)
        let codes = try Tensor.randn([count, latent], using: &generator)
        return try inference { try decode(codes) }
    }

    /// `steps` faces morphing from `first` to `second` (each `[1, 3, 32, 32]` or `[3, 32, 32]`):
    /// decode((1 − t)·z₁ + t·z₂) for t = 0 … 1.
    ///
    /// Blending *codes* rather than pixels is the point: a pixel blend of two faces is a
    /// double exposure with four eyes; a blend of codes is decoded into one plausible face,
    /// because the decoder only knows how to draw faces.
    public func interpolate(from first: Tensor, to second: Tensor, steps: Int = 8) throws -> Tensor {
        try inference {
            let codes = try encode(Tensor.concatenate([asBatch(first), asBatch(second)]))
            return try decode(lerpRows(codes, steps: steps))
        }
    }
}

/// A single picture `[C, H, W]` as a batch of one; a batch of one unchanged.
public func asBatch(_ image: Tensor) throws -> Tensor {
    if image.rank == 3 { return try image.reshaped([1] + image.shape) }
    guard image.rank == 4, image.shape[0] == 1 else {
        throw EngineError.shapeMismatch(op: "interpolate", expected: "one picture [1, C, H, W] or [C, H, W]", got: image.shape)
    }
    return image
}

/// `steps` rows on the straight line from row 0 to row 1 of `codes` (`[2, D]`): (1 − t)·a + t·b.
public func lerpRows(_ codes: Tensor, steps: Int) throws -> Tensor {
    guard (2...64).contains(steps) else {
        throw EngineError.invalidArgument(op: "interpolate", message: "steps must be between 2 and 64, not \(steps)")
    }
    let size = codes.count / 2
    let a = Array(codes.data[0..<size]), b = Array(codes.data[size...])
    var data: [Float] = []
    for index in 0..<steps {
        let t = Float(index) / Float(steps - 1)
        data += zip(a, b).map { (1 - t) * $0 + t * $1 }
    }
    return Tensor(shape: [steps] + codes.shape.dropFirst(), data: data)
}
