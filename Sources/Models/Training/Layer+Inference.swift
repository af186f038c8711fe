import Engine

extension Layer {
    /// Runs `body` in evaluation mode without recording gradients, restoring the mode afterwards:
    /// drawing samples must not move BatchNorm's running statistics, and nothing drawn is trained.
    /// (Experiments' `Autoencoder.inference` and `DCGAN.sample(noise:)` do the same for their models.)
    public func inference<Result>(_ body: () throws -> Result) rethrows -> Result {
        let wasTraining = isTraining
        eval()
        defer { if wasTraining { train() } }
        return try GradientMode.withoutGradients(body)
    }
}
