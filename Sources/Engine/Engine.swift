/// Deepfake Lab's deep-learning engine: float32 tensors, reverse-mode autodiff, layers,
/// losses, optimisers and safetensors checkpoints, on OpenBLAS.
public enum Engine {
    /// The lab's version, printed by `lab --version` and written into checkpoints and PNG metadata.
    public static let version = "0.1.0"
}
