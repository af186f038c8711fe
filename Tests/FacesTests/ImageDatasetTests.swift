import Faces
import Engine
import Imaging
import Testing
import TestSupport

@Suite struct ImageDatasetTests {
    /// Five 1×2×3 "images" whose pixels encode their index (image i holds i/10 + position/100),
    /// with a label column and a split column.
    static func small() throws -> ImageDataset {
        let pixels = (0..<5).flatMap { image in (0..<6).map { Float(image) / 10 + Float($0) / 100 } }
        return try ImageDataset(channels: 1, height: 2, width: 3, pixels: pixels, attributeNames: ["smile", "split"],
                                attributeRows: [["0.9", "train"], ["-0.2", "train"], ["0.5", "test"], ["0.1", "train"], ["0.7", "train"]])
    }

    @Test func batchesVisitEveryImageOnceInASeededOrder() throws {
        let data = try Self.small()
        let batches = try data.batches(size: 2, seed: 7)
        #expect(batches.map(\.indices.count) == [2, 2, 1])
        #expect(batches.flatMap(\.indices).sorted() == [0, 1, 2, 3, 4])
        #expect(batches[0].images.shape == [2, 1, 2, 3])
        #expect(try data.batches(size: 2, seed: 7).map(\.indices) == batches.map(\.indices))   // same seed, same order
        #expect(try data.batches(size: 2, seed: 7, dropLast: true).count == 2)
        // The batch holds the right pixels for the indices it reports.
        let first = batches[0].indices[0]
        #expect(batches[0].images.data[0] == Float(first) / 10)
    }

    @Test func differentSeedsShuffleDifferently() throws {
        let data = try Self.small()
        let orders = try (0..<UInt64(6)).map { try data.batches(size: 5, seed: $0)[0].indices }
        #expect(Set(orders.map { $0.description }).count > 1)
    }

    /// Flipping mirrors each row: [a b c] becomes [c b a]. Over many images about half flip.
    @Test func horizontalFlipMirrorsRows() throws {
        let data = try Self.small()
        var flipped = 0, kept = 0
        for seed in 0..<UInt64(40) {
            let batch = try data.batches(size: 5, seed: seed, flipHorizontally: true)[0]
            for (slot, index) in batch.indices.enumerated() {
                let row = Array(batch.images.data[(slot * 6)..<(slot * 6 + 3)])
                let original = (0..<3).map { Float(index) / 10 + Float($0) / 100 }
                if row == original { kept += 1 } else if row == original.reversed() { flipped += 1 }
            }
        }
        #expect(flipped + kept == 200 && flipped > 70 && kept > 70)
    }

    @Test(arguments: [(ImageDataset.PixelRange.zeroToOne, Float(0.45)), (.minusOneToOne, Float(-0.1))])
    func rangeRescalesPixels(range: ImageDataset.PixelRange, expected: Float) throws {
        let data = try Self.small()
        // Image 4, position 5: 0.4 + 0.05 = 0.45 → in [−1, 1]: 2·0.45 − 1 = −0.1.
        #expect(abs(try data.image(4, range: range).data[5] - expected) < 1e-6)
    }

    @Test func splitAndLabelsFollowTheAttributes() throws {
        let data = try Self.small()
        let (train, heldOut) = try data.split()
        #expect(train.count == 4 && heldOut.count == 1)
        #expect(try heldOut.image(0).data[0] == 0.2)   // image 2 was the held-out one
        #expect(try train.labels("smile") { Float($0)! > 0.3 ? 1 : 0 } == [1, 0, 0, 1])
        #expect(throws: EngineError.invalidArgument(op: "labels", message: "no attribute 'age'; the columns are smile, split")) {
            try data.labels("age") { _ in 0 }
        }
    }

    @Test func missingImagesThrowInsteadOfCrashing() throws {
        let data = try Self.small()
        #expect(throws: EngineError.invalidArgument(op: "image", message: "image 5 does not exist; this dataset has images 0 to 4")) {
            try data.image(5)
        }
        expectError("subset: image -1 does not exist; this dataset has images 0 to 4") { try data.subset([0, -1]) }
        #expect(data.attribute("smile", of: 99) == nil)
    }

    @Test func mismatchedSizesThrow() {
        expectError("ImageDataset: expected 1 image of [3, 2, 2] but got shape [2]") {
            try ImageDataset(channels: 3, height: 2, width: 2, pixels: [0, 1], attributeNames: [], attributeRows: [[]])
        }
    }

    /// Image → tensor → image gives the same bytes; planes come out channel by channel.
    @Test(arguments: [ImageDataset.PixelRange.zeroToOne, .minusOneToOne])
    func imagesRoundTripThroughTensors(range: ImageDataset.PixelRange) throws {
        let image = Image(width: 2, height: 1, channels: 3, pixels: [255, 0, 51, 0, 255, 102])
        let tensor = try Image.batchTensor([image, image], range: range)
        #expect(tensor.shape == [2, 3, 1, 2])
        let expectedPlanes: [Float] = range == .zeroToOne ? [1, 0, 0, 1, 0.2, 0.4] : [1, -1, -1, 1, -0.6, -0.2]
        #expect(zip(tensor.data.prefix(6), expectedPlanes).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(try Image.images(from: tensor, range: range) == [image, image])
    }
}
