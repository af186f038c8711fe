import Imaging

/// The last step of most face-swap pipelines: paste the generated face into the original frame
/// through a soft mask, so the background, hair and neck stay real (facts §1.4), and the
/// "Face X-ray" that finds the seam (Li et al., CVPR 2020).
///
///     blended = M · face + (1 − M) · frame            M = 1 inside the face, 0 outside
///     X-ray   = 4 · M · (1 − M)                        1 on the seam, 0 away from it
///
/// The X-ray is 0 for a picture that was never blended, real or fully generated alike: a
/// blending detector has nothing to find in a GAN sample (facts §2.5's corollary).
public enum Blending {
    /// A soft oval over the middle of a `size × size` face picture: 1 inside an ellipse of
    /// radii 0.30 × 0.38 of the size (the face), falling smoothly to 0 over a tenth of the size.
    public static func faceMask(size: Int) -> [Float] {
        let centre = Float(size) / 2, feather = Float(size) * 0.1
        return (0..<(size * size)).map { index in
            let x = (Float(index % size) + 0.5 - centre) / (Float(size) * 0.30)
            let y = (Float(index / size) + 0.5 - centre * 1.05) / (Float(size) * 0.38)
            // Distance outside the ellipse in pixels, roughly: (r − 1) times the mean radius.
            let outside = ((x * x + y * y).squareRoot() - 1) * Float(size) * 0.34
            let t = min(max(0.5 - outside / feather, 0), 1)
            return t * t * (3 - 2 * t)              // smoothstep: no kink at either end
        }
    }

    /// `face` pasted into `frame` through `mask` (one weight per pixel, in [0, 1]).
    public static func blend(_ face: Image, into frame: Image, mask: [Float]) -> Image {
        precondition(face.width == frame.width && face.height == frame.height && mask.count == face.width * face.height,
                     "blend needs a face, a frame and a mask of one size")
        let face = face.rgb(), frame = frame.rgb()
        var result = frame
        for index in 0..<mask.count {
            for channel in 0..<3 {
                let offset = index * 3 + channel
                let value = mask[index] * Float(face.pixels[offset]) + (1 - mask[index]) * Float(frame.pixels[offset])
                result.pixels[offset] = UInt8(min(255, max(0, value.rounded())))
            }
        }
        return result
    }

    /// The ground-truth X-ray of a blend made with `mask`: 4·M·(1 − M).
    public static func xray(mask: [Float]) -> [Float] {
        mask.map { 4 * $0 * (1 - $0) }
    }
}
