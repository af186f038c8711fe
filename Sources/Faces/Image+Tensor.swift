import Imaging
import Engine

/// Moving pictures in and out of the engine. Images are stored `H × W × C` bytes (how PNG
/// stores them); networks want `N × C × H × W` floats (PyTorch's order: each channel a
/// separate plane), in [0, 1] or, for tanh outputs, [−1, 1].
extension Image {
    /// This image as a `[1, C, H, W]` tensor.
    public func tensor(range: ImageDataset.PixelRange = .zeroToOne) -> Tensor {
        Tensor(shape: [1, channels, height, width], data: planarFloats(range: range))
    }

    /// The pixels reordered into channel planes (C × H × W) and scaled to `range`.
    public func planarFloats(range: ImageDataset.PixelRange = .zeroToOne) -> [Float] {
        var planes = [Float](repeating: 0, count: pixels.count)
        let area = width * height
        for i in 0..<area {
            for c in 0..<channels {
                let unit = Float(pixels[i * channels + c]) / 255
                planes[c * area + i] = range == .zeroToOne ? unit : unit * 2 - 1
            }
        }
        return planes
    }

    /// A batch tensor `[N, C, H, W]` from images of one size.
    public static func batchTensor(_ images: [Image], range: ImageDataset.PixelRange = .zeroToOne) throws -> Tensor {
        guard let first = images.first else {
            throw EngineError.invalidArgument(op: "batchTensor", message: "no images to stack")
        }
        guard images.allSatisfy({ $0.width == first.width && $0.height == first.height && $0.channels == first.channels }) else {
            throw EngineError.invalidArgument(op: "batchTensor", message: "all images must share one size and channel count")
        }
        var data: [Float] = []
        data.reserveCapacity(images.count * first.pixels.count)
        for image in images { data += image.planarFloats(range: range) }
        return Tensor(shape: [images.count, first.channels, first.height, first.width], data: data)
    }

    /// Every image of a `[N, C, H, W]` tensor (C = 1, 3 or 4), values read in `range` and
    /// clamped, so a network's slightly out-of-range output still becomes a valid picture.
    public static func images(from tensor: Tensor, range: ImageDataset.PixelRange = .zeroToOne) throws -> [Image] {
        guard tensor.shape.count == 4, [1, 3, 4].contains(tensor.shape[1]) else {
            throw EngineError.shapeMismatch(op: "images(from:)", expected: "[N, C, H, W] with C = 1, 3 or 4", got: tensor.shape)
        }
        let (count, channels, height, width) = (tensor.shape[0], tensor.shape[1], tensor.shape[2], tensor.shape[3])
        let area = height * width
        return (0..<count).map { n in
            var bytes = [UInt8](repeating: 0, count: area * channels)
            for c in 0..<channels {
                for i in 0..<area {
                    let value = tensor.data[(n * channels + c) * area + i]
                    let unit = range == .zeroToOne ? value : (value + 1) / 2
                    bytes[i * channels + c] = Image.byte(fromUnit: unit)
                }
            }
            return Image(width: width, height: height, channels: channels, pixels: bytes)
        }
    }
}
