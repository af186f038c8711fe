import Engine
/// An image dataset held in memory, ready to feed a network in shuffled mini-batches.
///
/// Images are stored once as float32 `N × C × H × W` in [0, 1]; each batch is cut from them
/// on demand, optionally mirrored left-to-right and rescaled to the range the model expects.
/// Every image also has a row of attributes (strings by column name, as read from a CSV
/// manifest), so a lesson can turn any column into labels — "is this face smiling?".
/// Loading from files lives elsewhere (Faces reads sprite sheets): the engine knows no PNG.
public struct ImageDataset {
    /// The value range a model sees. GAN generators end in tanh, so they want [−1, 1];
    /// classifiers are usually fed [0, 1].
    public enum PixelRange: Sendable {
        case zeroToOne
        case minusOneToOne
    }

    public let channels: Int
    public let height: Int
    public let width: Int
    /// `count × channels × height × width` values in [0, 1].
    public private(set) var pixels: [Float]
    /// Attribute names, and one row of values per image in the same order.
    public let attributeNames: [String]
    public private(set) var attributeRows: [[String]]

    public var count: Int { attributeRows.count }
    public var imageSize: Int { channels * height * width }

    public init(channels: Int, height: Int, width: Int, pixels: [Float],
                attributeNames: [String], attributeRows: [[String]]) throws {
        let imageSize = channels * height * width
        guard imageSize > 0, pixels.count == attributeRows.count * imageSize else {
            let images = attributeRows.count == 1 ? "1 image" : "\(attributeRows.count) images"
            throw EngineError.shapeMismatch(op: "ImageDataset", expected: "\(images) of [\(channels), \(height), \(width)]",
                                            got: [pixels.count])
        }
        guard attributeRows.allSatisfy({ $0.count == attributeNames.count }) else {
            throw EngineError.invalidArgument(op: "ImageDataset", message: "every attribute row needs \(attributeNames.count) values")
        }
        self.channels = channels
        self.height = height
        self.width = width
        self.pixels = pixels
        self.attributeNames = attributeNames
        self.attributeRows = attributeRows
    }

    // MARK: Attributes

    /// The value of attribute `name` for image `index`, or nil if there is no such column or image.
    public func attribute(_ name: String, of index: Int) -> String? {
        guard attributeRows.indices.contains(index) else { return nil }
        return attributeNames.firstIndex(of: name).map { attributeRows[index][$0] }
    }

    /// Refuses an image number outside 0..<count, naming the valid range.
    func checkIndex(_ index: Int, op: String) throws {
        guard attributeRows.indices.contains(index) else {
            throw EngineError.invalidArgument(op: op, message: "image \(index) does not exist; this dataset has images 0 to \(count - 1)")
        }
    }

    /// One number per image from a column: `transform` turns each text value into a label
    /// (for example `{ Float($0)! > 0.3 ? 1 : 0 }` for "smiling").
    public func labels(_ name: String, _ transform: (String) -> Float) throws -> [Float] {
        guard let column = attributeNames.firstIndex(of: name) else {
            throw EngineError.invalidArgument(op: "labels", message: "no attribute '\(name)'; the columns are \(attributeNames.joined(separator: ", "))")
        }
        return attributeRows.map { transform($0[column]) }
    }

    // MARK: Splits

    /// The images whose indices are listed, in that order.
    public func subset(_ indices: [Int]) throws -> ImageDataset {
        for index in indices { try checkIndex(index, op: "subset") }
        var newPixels = [Float]()
        newPixels.reserveCapacity(indices.count * imageSize)
        for index in indices { newPixels += pixels[(index * imageSize)..<((index + 1) * imageSize)] }
        var copy = self
        copy.pixels = newPixels
        copy.attributeRows = indices.map { attributeRows[$0] }
        return copy
    }

    /// The training part and the held-out part, by the value of a column (the manifests'
    /// `split` column says "train" or "test"). Held-out images are never trained on, so a
    /// score on them measures what the model learned, not what it memorised.
    public func split(by name: String = "split", heldOut: String = "test") throws -> (train: ImageDataset, heldOut: ImageDataset) {
        let values = try labels(name) { $0 == heldOut ? 1 : 0 }
        return (try subset(values.indices.filter { values[$0] == 0 }), try subset(values.indices.filter { values[$0] == 1 }))
    }

    /// Image `index` alone, as a `[1, C, H, W]` tensor in `range`.
    public func image(_ index: Int, range: PixelRange = .zeroToOne) throws -> Tensor {
        try checkIndex(index, op: "image")
        let start = index * imageSize
        return Tensor(shape: [1, channels, height, width], data: pixels[start..<(start + imageSize)].map { Self.rescale($0, range) })
    }

    @inline(__always) static func rescale(_ value: Float, _ range: PixelRange) -> Float {
        range == .zeroToOne ? value : value * 2 - 1
    }
}

// MARK: - Mini-batches

/// One mini-batch: the images as `[B, C, H, W]`, and which dataset images they are (to look
/// up their labels).
public struct ImageBatch {
    public let images: Tensor
    public let indices: [Int]
}

extension ImageDataset {
    /// One epoch of mini-batches in a random order drawn from `seed` (the same seed gives the
    /// same batches). With `flipHorizontally`, each image is mirrored with probability ½: a
    /// face mirrored is still a face, so the model sees twice the variety for free. The last
    /// batch is smaller when `size` does not divide the count, unless `dropLast` is set
    /// (useful with batch norm, which is noisy on tiny batches).
    public func batches(size: Int, seed: UInt64, flipHorizontally: Bool = false,
                        range: PixelRange = .zeroToOne, dropLast: Bool = false) throws -> [ImageBatch] {
        guard size > 0 else { throw EngineError.invalidArgument(op: "batches", message: "batch size must be positive, not \(size)") }
        var random = RandomGenerator(seed: seed)
        var order = Array(0..<count)
        // Fisher–Yates shuffle: every order equally likely, with our own seeded generator.
        if order.count > 1 {
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(position, Int(random.next() % UInt64(position + 1)))
            }
        }
        var result: [ImageBatch] = []
        var start = 0
        while start < count {
            let indices = Array(order[start..<min(count, start + size)])
            start += size
            if dropLast && indices.count < size { break }
            let flips = indices.map { _ in flipHorizontally && random.next() >> 63 == 1 }
            result.append(ImageBatch(images: batchTensor(indices, flips: flips, range: range), indices: indices))
        }
        return result
    }

    /// Copies the chosen images into one `[B, C, H, W]` tensor, mirroring rows where asked.
    func batchTensor(_ indices: [Int], flips: [Bool], range: PixelRange) -> Tensor {
        var data = [Float](repeating: 0, count: indices.count * imageSize)
        for (slot, index) in indices.enumerated() {
            let source = index * imageSize, target = slot * imageSize
            for row in 0..<(channels * height) {
                for column in 0..<width {
                    let from = source + row * width + (flips[slot] ? width - 1 - column : column)
                    data[target + row * width + column] = Self.rescale(pixels[from], range)
                }
            }
        }
        return Tensor(shape: [indices.count, channels, height, width], data: data)
    }
}
