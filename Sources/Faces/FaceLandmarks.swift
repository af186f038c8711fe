/// Where the key points of a face land in its picture: the ground truth for aligning faces
/// and for checking that a swapped face sits where it should.
public struct FaceLandmarks: Equatable, Sendable {
    /// In pixels of a `size × size` picture, (0, 0) at the top-left corner. "Left" means the
    /// image's left, not the person's.
    public var leftEye: SIMD2<Float>
    public var rightEye: SIMD2<Float>
    public var noseTip: SIMD2<Float>
    public var mouthLeft: SIMD2<Float>
    public var mouthRight: SIMD2<Float>

    /// All five points in the manifest's column order.
    public var points: [SIMD2<Float>] { [leftEye, rightEye, noseTip, mouthLeft, mouthRight] }
    public static let columnNames = ["leftEye", "rightEye", "noseTip", "mouthLeft", "mouthRight"]

    /// Projects the face-frame positions of the features into the picture, the forward version
    /// of what the renderer does backwards for each pixel.
    public init(_ attributes: FaceAttributes, size: Int) {
        let layout = FaceLayout(attributes)
        let mouthCornerY = layout.mouthY - 0.045 * layout.smile   // the corners rise with a smile
        func project(u: Float, v: Float, standOut: Float = 0) -> SIMD2<Float> {
            // Depth of the head's surface under (u, v), then the same turn, nod and roll.
            let width = layout.headHalfWidth(v)
            let across = min(abs(u) / max(width, 1e-4), 1)
            let depth = layout.depthRatio * width * max(0, 1 - across * across).squareRoot() + standOut
            let x = u * layout.cosYaw + depth * layout.sinYaw
            let t = v + layout.pitch * depth
            let pictureX = layout.centerX + layout.scale * (layout.cosRoll * x - layout.sinRoll * t)
            let pictureY = layout.centerY + layout.scale * (layout.sinRoll * x + layout.cosRoll * t)
            return SIMD2((pictureX + 1) / 2 * Float(size), (pictureY + 1) / 2 * Float(size))
        }
        leftEye = project(u: -layout.eyeX, v: layout.eyeY)
        rightEye = project(u: layout.eyeX, v: layout.eyeY)
        noseTip = project(u: 0, v: layout.noseTipY - 0.02, standOut: 0.2)
        mouthLeft = project(u: -layout.mouthHalfWidth, v: mouthCornerY)
        mouthRight = project(u: layout.mouthHalfWidth, v: mouthCornerY)
    }
}
