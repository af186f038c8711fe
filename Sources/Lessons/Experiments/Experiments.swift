/// The lessons' experiments: ready-made models (autoencoder, face-swap autoencoder, DCGAN,
/// detectors) and the training loops that drive them, as library code the shell's `train(...)`,
/// `sample`, `reconstruct`, `interpolate` and `swap` call, and the tests exercise without a terminal.
///
/// Owned by the experiments work (branch `exp`); the shell's built-ins should call into this
/// folder rather than keep training loops of their own.
public enum Experiments {}
