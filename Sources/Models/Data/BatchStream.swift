import Faces
import Engine

/// An endless supply of shuffled mini-batches for a training loop: one epoch after another,
/// each in a fresh order drawn from a seeded generator.
///
/// Batches are cut on demand, so only the current one is in memory besides the dataset. The
/// last, incomplete batch of an epoch is skipped: BatchNorm's statistics are noisy on a batch of
/// two, and every step then costs the same.
public struct BatchStream {
    public let dataset: ImageDataset
    private(set) var batchSize: Int
    public let range: ImageDataset.PixelRange
    /// Mirror each picture with probability ½: a mirrored face is still a face.
    public let flipHorizontally: Bool
    private var random: RandomGenerator
    private var order: [Int] = []
    private var position = 0

    public init(_ dataset: ImageDataset, batchSize: Int, seed: UInt64, range: ImageDataset.PixelRange = .zeroToOne,
         flipHorizontally: Bool = false) throws {
        guard dataset.count > 0 else { throw ExperimentError.unsuitableData("there are no pictures to train on") }
        self.dataset = dataset
        self.batchSize = min(batchSize, dataset.count)
        self.range = range
        self.flipHorizontally = flipHorizontally
        random = RandomGenerator(seed: seed)
    }

    /// What is wrong with the pictures, if anything (`DataCheck`): a corrupt file can put nan in them.
    public var dataProblem: String? { DataCheck.problem(in: dataset.pixels, what: "the training pictures") }

    /// A learner may change the batch size between `train` calls; the current epoch goes on.
    public mutating func setBatchSize(_ size: Int) {
        batchSize = min(size, dataset.count)
    }

    /// The next batch, `[B, C, H, W]`, with the dataset indices of its pictures (for labels).
    public mutating func next() throws -> (images: Tensor, indices: [Int]) {
        if position + batchSize > order.count {
            order = Array(0..<dataset.count)
            order.shuffle(using: &random)
            position = 0
        }
        let indices = Array(order[position..<(position + batchSize)])
        position += batchSize
        // The dataset's own batching does the flips and the rescaling; give it just these pictures.
        let batch = try dataset.subset(indices).batches(size: batchSize, seed: random.next(),
                                                        flipHorizontally: flipHorizontally, range: range)[0]
        return (batch.images, batch.indices.map { indices[$0] })
    }
}
