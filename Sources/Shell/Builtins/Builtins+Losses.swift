import Models
import Engine

/// Loss functions: how far a prediction is from its target, as one number training lowers.
extension BuiltinRegistry {
    mutating func registerLosses() {
        let pair: [Parameter] = [.positional("input", "Tensor", "the prediction"), .positional("target", "Tensor", "what it should be, same shape")]
        let losses: [(String, String, (Tensor, Tensor) throws -> Tensor, String)] = [
            ("mseLoss", "mean squared error: the autoencoder's reconstruction loss", { try mseLoss($0, $1) },
             "mseLoss(tensor([1, 2]), tensor([1, 4]))"),
            ("l1Loss", "mean absolute error: sharper reconstructions than MSE", { try l1Loss($0, $1) },
             "l1Loss(tensor([1, 2]), tensor([1, 4]))"),
            ("bceWithLogits", "binary cross-entropy on raw scores (logits): the GAN and detector loss",
             { try binaryCrossEntropyWithLogits($0, $1) }, "bceWithLogits(tensor([2.0]), tensor([1]))"),
        ]
        for (name, summary, loss, example) in losses {
            register(Function(name, pair, returns: "Double", summary: summary) { arguments in
                .number(Double(shortest: try loss(try arguments.tensor("input"), try arguments.tensor("target")).item))
            }, category: .losses, example: example)
        }
    }
}
