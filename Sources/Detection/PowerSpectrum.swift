import Foundation
import Imaging

/// How a picture's brightness is spread over spatial frequencies: the tool that shows what
/// up-sampling leaves behind in a generated image (Durall, Keuper & Keuper, CVPR 2020; Frank
/// et al., ICML 2020).
///
///     P[u, v] = 10 · log10(|F[u, v]|² + ε)          decibels, F the 2-D DFT of the luma
///
/// centred ("fftshift"): the zero frequency (the mean brightness) sits in the middle at
/// (H/2, W/2), slow waves around it and the finest ones (a pixel-by-pixel checkerboard) at the
/// edges and corners. Natural pictures lose power smoothly towards the edges; a transposed
/// convolution with stride 2 adds bright spots at half the sampling rate that a real camera
/// never makes.
///
/// The log matters: power falls by orders of magnitude from the centre outwards, and on a
/// linear scale everything but the centre would look black. ε = 1e-6 keeps log(0) finite.
public struct PowerSpectrum: Equatable, Sendable {
    public let height: Int
    public let width: Int
    /// `height × width` values in dB, row-major, zero frequency at (height/2, width/2).
    public var decibels: [Float]

    /// The spectrum of one picture's luma (0...255 scale).
    public init(_ image: Image) throws {
        try self.init(plane: image.luminance, height: image.height, width: image.width)
    }

    /// The spectrum of one real-valued plane.
    public init(plane: [Float], height: Int, width: Int) throws {
        let (real, imaginary) = try DiscreteFourierTransform.transform(plane, height: height, width: width)
        let power = zip(real, imaginary).map { 10 * log10($0 * $0 + $1 * $1 + 1e-6) }
        self.init(height: height, width: width, decibels: PowerSpectrum.centred(power, height: height, width: width))
    }

    public init(height: Int, width: Int, decibels: [Float]) {
        precondition(decibels.count == height * width, "one value per frequency")
        self.height = height
        self.width = width
        self.decibels = decibels
    }

    /// The mean spectrum of a set of pictures of one size, averaged in dB (a geometric mean of
    /// the powers): one very bright picture cannot dominate it, and the artefacts every fake
    /// shares stand out while each picture's own content averages away.
    public static func mean(of images: [Image]) throws -> PowerSpectrum {
        guard let first = images.first else { throw DetectionError.noPictures(operation: "spectrum") }
        if let odd = images.first(where: { $0.width != first.width || $0.height != first.height }) {
            throw DetectionError.mixedSizes(operation: "spectrum", first: [first.width, first.height], other: [odd.width, odd.height])
        }
        var sum = [Float](repeating: 0, count: first.width * first.height)
        for image in images {
            let spectrum = try PowerSpectrum(image)
            for index in sum.indices { sum[index] += spectrum.decibels[index] }
        }
        let count = Float(images.count)
        return PowerSpectrum(height: first.height, width: first.width, decibels: sum.map { $0 / count })
    }

    /// The azimuthal average: the mean over every frequency at the same distance from the
    /// centre, radius 0, 1, … up to min(H, W)/2 (distances rounded to the nearest whole number).
    /// Direction is thrown away and only "how fine" is kept, which turns a picture into a short
    /// curve (17 numbers at 32×32, 33 at 64×64): the feature of Durall et al.'s detector.
    /// The corners, beyond the largest full circle, are left out: they exist only along the
    /// diagonals and would make the last values noisy.
    public var azimuthalAverage: [Float] {
        let radii = Swift.min(height, width) / 2 + 1
        var sums = [Double](repeating: 0, count: radii), counts = [Int](repeating: 0, count: radii)
        let centreY = height / 2, centreX = width / 2
        for y in 0..<height {
            for x in 0..<width {
                let dy = Double(y - centreY), dx = Double(x - centreX)
                let radius = Int((dy * dy + dx * dx).squareRoot().rounded())
                guard radius < radii else { continue }
                sums[radius] += Double(decibels[y * width + x])
                counts[radius] += 1
            }
        }
        return zip(sums, counts).map { Float($0 / Double($1)) }
    }

    /// Moves the zero frequency from index 0 to the middle (numpy's `fftshift`): output row
    /// `(u + H/2) mod H` takes input row `u`, and the same for columns. For even sizes the
    /// highest frequency, H/2, lands in row 0, the top edge.
    static func centred(_ values: [Float], height: Int, width: Int) -> [Float] {
        var result = values
        for u in 0..<height {
            for v in 0..<width {
                result[((u + height / 2) % height) * width + (v + width / 2) % width] = values[u * width + v]
            }
        }
        return result
    }
}
