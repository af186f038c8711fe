import Imaging

/// Colour matching as the face-swap tools do it before they blend (DeepFaceLab's "rct" mode):
/// Reinhard, Ashikhmin, Gooch and Shirley, "Color Transfer between Images" (2001).
///
/// The decoder's face has its own overall colour and contrast; the frame it goes into has
/// another. Reinhard's transfer moves each channel of the face so that its mean and standard
/// deviation become the frame's, in L*a*b* (see `LabColour`):
///
///     out = (x − μface) · σframe / σface + μframe          for each of L*, a*, b*
///
/// The statistics are taken only where the `mask` says the face is (weighted by it), in both
/// pictures: the face region of the swap is made to look like the face region of the frame,
/// so the colours agree across the seam. It matches lighting and skin tone alike: that is its
/// purpose, and also why a colour-matched swap can carry the frame person's skin tone.
public enum ColourTransfer {
    /// Mean and standard deviation of one picture's L*, a*, b* under a weight per pixel.
    public struct Statistics: Equatable, Sendable {
        public var mean: [Double]
        public var deviation: [Double]
    }

    /// The weighted mean and standard deviation of each L*a*b* channel of `image` under `mask`.
    public static func statistics(_ image: Image, mask: [Float]) -> Statistics {
        let lab = labPixels(image)
        var weightSum = 0.0, sum = [0.0, 0.0, 0.0], squares = [0.0, 0.0, 0.0]
        for (index, colour) in lab.enumerated() {
            let weight = Double(mask[index])
            weightSum += weight
            for (channel, value) in [colour.l, colour.a, colour.b].enumerated() {
                sum[channel] += weight * value
                squares[channel] += weight * value * value
            }
        }
        let total = max(weightSum, 1e-9)
        let mean = sum.map { $0 / total }
        // Var = E[x²] − E[x]², never below 0 after rounding.
        let deviation = (0..<3).map { max(squares[$0] / total - mean[$0] * mean[$0], 0).squareRoot() }
        return Statistics(mean: mean, deviation: deviation)
    }

    /// `face` recoloured so that its masked L*a*b* statistics equal `frame`'s under the same mask.
    /// Every pixel is changed (the blend decides which ones are kept).
    public static func reinhard(_ face: Image, to frame: Image, mask: [Float]) -> Image {
        precondition(face.width == frame.width && face.height == frame.height && mask.count == face.width * face.height,
                     "colour transfer needs a face, a frame and a mask of one size")
        let source = statistics(face, mask: mask), target = statistics(frame, mask: mask)
        // A nearly flat channel (an untrained decoder's grey face) would be stretched into noise by
        // σframe/σface: below half a unit of spread only the mean moves, and no gain exceeds 4.
        let gain = (0..<3).map { source.deviation[$0] > 0.5 ? min(target.deviation[$0] / source.deviation[$0], 4) : 1 }
        var pixels = [UInt8]()
        pixels.reserveCapacity(face.width * face.height * 3)
        for colour in labPixels(face) {
            let values = [colour.l, colour.a, colour.b]
            let moved = (0..<3).map { (values[$0] - source.mean[$0]) * gain[$0] + target.mean[$0] }
            let rgb = LabColour(l: moved[0], a: moved[1], b: moved[2]).rgb
            for value in [rgb.red, rgb.green, rgb.blue] { pixels.append(Image.byte(fromUnit: Float(value))) }
        }
        return Image(width: face.width, height: face.height, channels: 3, pixels: pixels)
    }

    /// Every pixel of `image` in L*a*b*, row-major.
    static func labPixels(_ image: Image) -> [LabColour] {
        let rgb = image.rgb()
        return (0..<(rgb.width * rgb.height)).map { index in
            LabColour(red: Double(rgb.pixels[index * 3]) / 255, green: Double(rgb.pixels[index * 3 + 1]) / 255,
                      blue: Double(rgb.pixels[index * 3 + 2]) / 255)
        }
    }
}
