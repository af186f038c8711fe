import Foundation
import Imaging

/// A blending-boundary score: does the face inside the outline have the same fine detail as
/// the frame just outside it?
///
/// A blended face swap is two pictures sewn together along the mask's edge (see `Blending`):
/// inside, the decoder's face; outside, the untouched frame. The two come from different
/// sources, and one property differs reliably: a decoder trained to minimise pixel error draws
/// smooth, slightly blurred faces, while the frame keeps every sharp edge it had. Face X-ray
/// (Li et al., CVPR 2020) learns where such a seam runs; this score measures the mismatch the
/// seam separates, with no training at all:
///
///     detail(p) = |4·Y(p) − Y(up) − Y(down) − Y(left) − Y(right)|     (the Laplacian of luma)
///     score     = ln(mean detail outside, 0 to `band` px beyond the edge + 1)
///               − ln(mean detail inside,  `inset` px or more within the edge + 1)
///
/// High means "the face is much smoother than its surroundings": a sign of a pasted, generated
/// face. It needs the face's landmarks (a detector would find them; our manifest has them).
/// What it cannot see: a swap whose decoder draws sharp detail, or a frame blurred all over
/// (both sides lose detail together), and a fully generated picture has no seam at all.
public enum BoundaryScore {
    /// How far outside the edge the "frame" band reaches, and how far inside the "face" starts
    /// (past the mask's feather, where the blend is pure decoder), in pixels.
    public static let band: Float = 4
    public static let inset: Float = 2.5

    /// The score of one picture whose face has these five landmarks.
    public static func score(_ image: Image, landmarks: [SIMD2<Float>]) -> Float {
        precondition(image.width == image.height, "the boundary score works on square pictures")
        let detail = laplacianDetail(image)
        let distance = LandmarkMask.distances(landmarks: landmarks, size: image.width)
        var inside = (sum: Float(0), count: 0), outside = (sum: Float(0), count: 0)
        for index in detail.indices {
            if distance[index] >= inset {
                inside.sum += detail[index]; inside.count += 1
            } else if distance[index] < 0 && distance[index] >= -band {
                outside.sum += detail[index]; outside.count += 1
            }
        }
        let insideMean = inside.sum / Float(max(inside.count, 1)), outsideMean = outside.sum / Float(max(outside.count, 1))
        return Foundation.log(outsideMean + 1) - Foundation.log(insideMean + 1)
    }

    /// |Laplacian| of the luminance at every pixel (0 on the picture's border, which has no
    /// four neighbours).
    public static func laplacianDetail(_ image: Image) -> [Float] {
        let luma = image.luminance, w = image.width, h = image.height
        var detail = [Float](repeating: 0, count: w * h)
        guard w > 2, h > 2 else { return detail }
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let i = y * w + x
                detail[i] = abs(4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w])
            }
        }
        return detail
    }
}
