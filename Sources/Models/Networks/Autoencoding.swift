import Engine

/// What the plain autoencoder and the variational one have in common: a face goes in as a code of
/// `latent` numbers and comes out drawn again. `reconstruct`, `interpolate` and `decodeRandomCodes`
/// (in Autoencoder+Operations.swift) are written once for both, so the lesson can put the two
/// side by side with the same built-ins.
public protocol Autoencoding: Layer {
    /// Numbers in the code between encoder and decoder.
    var latent: Int { get }
    /// The code of each face, `[N, 3, 32, 32]` → `[N, latent]`. For a VAE this is the centre μ of
    /// the distribution the encoder describes: one code per face, the same every time.
    func encode(_ faces: Tensor) throws -> Tensor
    /// The faces drawn from codes: `[N, latent]` → `[N, 3, 32, 32]` in [0, 1].
    func decode(_ codes: Tensor) throws -> Tensor
}

extension Autoencoder: Autoencoding {}
