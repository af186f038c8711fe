/// Losses for predicting numbers: mean squared error and mean absolute error.
///
/// Both are compositions of elementwise ops and a reduction, so their gradients come from those
/// ops' rules. An autoencoder's reconstruction loss is one of these, comparing each pixel.

/// Mean squared error (`torch.nn.functional.mse_loss`, the L2 loss).
///
///     ℓ = mean((x − y)²)          gradient: 2(x − y)/n
///
/// Large errors dominate (they are squared), which gives blurry averages when a model is unsure:
/// the reason GANs add an adversarial loss on top.
///
/// - Shapes: `input` and `target` any shape `[*]`, the same; result `[]` (or `[*]` for `.none`).
/// - Parameter reduction: `.mean` by default, as PyTorch.
public func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
    try requireSameShape("mseLoss", input, target)
    let difference = try input - target
    return try reduction.apply(difference * difference)
}

/// Mean absolute error (`torch.nn.functional.l1_loss`).
///
///     ℓ = mean(|x − y|)           gradient: sign(x − y)/n
///
/// Every error pulls with the same force, so it is less swayed by outliers than MSE and favours
/// the median: image-to-image models (pix2pix) use it for sharper results.
///
/// - Shapes: `input` and `target` any shape `[*]`, the same; result `[]` (or `[*]` for `.none`).
/// - Parameter reduction: `.mean` by default, as PyTorch.
public func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
    try requireSameShape("l1Loss", input, target)
    return try reduction.apply((input - target).abs())
}
