import Foundation

/// Batch normalisation, as one fused op with its own backward pass.
///
/// Written from smaller ops (mean, subtract, variance, sqrt, divide) it would work but keep five
/// intermediate tensors alive and take five passes; the fused version keeps only the per-channel
/// `mean` and `invStd` and makes two passes each way.
///
/// Backward, per channel, over the M = N·H·W values x_i of that channel
/// (x̂_i = (x_i − μ)·invStd, y_i = γ·x̂_i + β, invStd = 1/√(σ² + ε), σ² biased):
///
///     dβ = Σ dy_i                    dγ = Σ dy_i · x̂_i
///     dx̂_i = γ · dy_i
///     dσ² = Σ dx̂_i · (x_i − μ) · (−½) · invStd³          = −½ · invStd² · Σ dx̂_i · x̂_i · invStd
///     dμ  = −invStd · Σ dx̂_i  (+ dσ² · Σ −2(x_i − μ)/M, which is 0 because Σ (x_i − μ) = 0)
///     dx_i = dx̂_i · invStd + dσ² · 2(x_i − μ)/M + dμ / M
///
/// and collecting terms:
///
///     dx_i = γ · invStd / M · (M · dy_i − Σ dy − x̂_i · Σ (dy · x̂))
///          = γ · invStd · (dy_i − dβ/M − x̂_i · dγ/M)
///
/// In evaluation mode μ and σ² are constants (the running statistics), so only the first term
/// survives: dx_i = γ · invStd · dy_i.
/// Reference: Ioffe and Szegedy, "Batch normalization" (2015), section 3.
extension Tensor {
    /// Normalises each channel (axis 1) to zero mean and unit variance, then scales and shifts it
    /// (PyTorch's `F.batch_norm`).
    ///
    ///     y = γ · (x − μ) / √(σ² + ε) + β
    ///
    /// In training μ and σ² are the batch's own (σ² biased, dividing by M) and the running
    /// statistics are updated in place: running = (1 − momentum)·running + momentum·batch, with the
    /// *unbiased* variance (dividing by M − 1), as PyTorch does. In evaluation the running
    /// statistics are used and left alone.
    ///
    /// Shapes: x [N, C] or [N, C, L] or [N, C, H, W]; weight γ, bias β, runningMean, runningVar [C].
    ///
    /// - Parameters:
    ///   - training: batch statistics (true) or running statistics (false).
    ///   - momentum: the weight of the new batch in the running averages (PyTorch's meaning, 0.1).
    ///   - epsilon: ε, added to the variance so that a constant channel does not divide by zero.
    public func batchNorm(weight: Tensor, bias: Tensor, runningMean: Tensor, runningVar: Tensor,
                          training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5,
                          op: String = "batchNorm") throws -> Tensor {
        guard rank >= 2 else {
            throw EngineError.shapeMismatch(op: op, expected: "an input [N, C, …] with at least 2 dimensions", got: shape)
        }
        let channels = shape[1], batch = shape[0], plane = shape[2...].reduce(1, *)
        for state in [weight, bias, runningMean, runningVar] where state.shape != [channels] {
            throw EngineError.layerInput(layer: op, expected: "\(state.count) input channels", got: "\(channels)", shape: shape)
        }
        let m = batch * plane
        if training && m <= 1 {
            throw EngineError.invalidArgument(op: op, message:
                "training needs more than 1 value per channel to estimate a variance (input shape \(shape))")
        }
        var mean = [Float](repeating: 0, count: channels), invStd = mean, variance = mean
        var output = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                mean.withUnsafeMutableBufferPointer { mean in
                    invStd.withUnsafeMutableBufferPointer { invStd in
                        variance.withUnsafeMutableBufferPointer { variance in
                            // One task per channel: each reads and writes only its own channel.
                            Parallel.forEach(channels, costPerItem: 3 * m) { channelRange in
                                for c in channelRange {
                                    if training {
                                        (mean[c], variance[c]) = channelStatistics(x.baseAddress!, c, channels, batch, plane)
                                    } else {
                                        (mean[c], variance[c]) = (runningMean.data[c], runningVar.data[c])
                                    }
                                    invStd[c] = 1 / (variance[c] + epsilon).squareRoot()
                                    // y = x·scale + shift, with scale = γ·invStd and shift = β − μ·scale.
                                    let scale = weight.data[c] * invStd[c], shift = bias.data[c] - mean[c] * scale
                                    for n in 0..<batch {
                                        let offset = (n * channels + c) * plane
                                        for i in offset..<(offset + plane) { y[i] = x[i] * scale + shift }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if training {
            // The running variance uses the unbiased estimate, σ²·M/(M − 1).
            for c in 0..<channels {
                runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mean[c]
                runningVar.data[c] = (1 - momentum) * runningVar.data[c]
                    + momentum * variance[c] * Float(m) / Float(m - 1)
            }
        }
        let x = self, savedMean = mean, savedInvStd = invStd
        return Tensor(shape: shape, data: output, origin: Origin(op: op, inputs: [x, weight, bias]) { g in
            batchNormBackward(g.data, x.data, weight.data, mean: savedMean, invStd: savedInvStd,
                              shape: x.shape, training: training)
        })
    }
}

/// The batch mean and biased variance of channel `c`, in two passes (subtracting the mean before
/// squaring avoids the cancellation of E[x²] − E[x]², which loses digits when |μ| ≫ σ).
private func channelStatistics(_ x: UnsafePointer<Float>, _ c: Int, _ channels: Int, _ batch: Int,
                               _ plane: Int) -> (mean: Float, variance: Float) {
    let m = Float(batch * plane)
    var sum: Float = 0
    for n in 0..<batch {
        let row = x + (n * channels + c) * plane
        for i in 0..<plane { sum += row[i] }
    }
    let mean = sum / m
    var squares: Float = 0
    for n in 0..<batch {
        let row = x + (n * channels + c) * plane
        for i in 0..<plane { let d = row[i] - mean; squares += d * d }
    }
    return (mean, squares / m)
}

/// The fused backward pass derived above: [dx, dγ, dβ].
private func batchNormBackward(_ dy: [Float], _ x: [Float], _ gamma: [Float], mean: [Float], invStd: [Float],
                               shape: [Int], training: Bool) -> [Tensor?] {
    let channels = shape[1], batch = shape[0], plane = shape[2...].reduce(1, *)
    let m = Float(batch * plane)
    var dGamma = [Float](repeating: 0, count: channels), dBeta = dGamma
    var dx = [Float](repeating: 0, count: x.count)
    dy.withUnsafeBufferPointer { dy in
        x.withUnsafeBufferPointer { x in
            dx.withUnsafeMutableBufferPointer { dx in
                dGamma.withUnsafeMutableBufferPointer { dGamma in
                    dBeta.withUnsafeMutableBufferPointer { dBeta in
                        Parallel.forEach(channels, costPerItem: 3 * batch * plane) { channelRange in
                            for c in channelRange {
                                let mu = mean[c], s = invStd[c]
                                // Pass 1: dβ = Σ dy and dγ = Σ dy · x̂.
                                var sumDy: Float = 0, sumDyXhat: Float = 0
                                for n in 0..<batch {
                                    let offset = (n * channels + c) * plane
                                    for i in offset..<(offset + plane) {
                                        sumDy += dy[i]
                                        sumDyXhat += dy[i] * (x[i] - mu)
                                    }
                                }
                                sumDyXhat *= s
                                dBeta[c] = sumDy
                                dGamma[c] = sumDyXhat
                                // Pass 2: dx = γ·invStd·(dy − dβ/M − x̂·dγ/M); in eval only γ·invStd·dy.
                                let scale = gamma[c] * s
                                let meanDy = training ? sumDy / m : 0
                                let meanDyXhat = training ? sumDyXhat / m * s : 0  // times invStd: x̂ = (x − μ)·invStd
                                for n in 0..<batch {
                                    let offset = (n * channels + c) * plane
                                    for i in offset..<(offset + plane) {
                                        dx[i] = scale * (dy[i] - meanDy - (x[i] - mu) * meanDyXhat)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return [Tensor(shape: shape, data: dx), Tensor(shape: [channels], data: dGamma),
            Tensor(shape: [channels], data: dBeta)]
}
