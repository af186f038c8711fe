import Faces

/// The mask the face-swap tools blend through, made from the face's landmarks rather than
/// from a fixed oval: it follows the face wherever the head turns or tilts.
///
/// DeepFaceLab and faceswap take the convex hull of 68 landmarks (jaw line, brows, eyes, nose,
/// mouth). Our manifest has five (the eyes, the nose tip, the mouth corners), all inside the
/// face, so the outline is drawn around them from the face's own axes first:
///
///     across = right eye − left eye         down = mouth centre − eye centre
///     forehead  = each eye ± 0.6·across − 1.0·down      temples = each eye ± 0.85·across + 0.1·down
///     jaw       = each mouth corner ± 0.7·across + 0.5·down      chin = mouth centre + 1.0·down
///
/// (factors chosen by eye on the pair-32 faces so that the hull just reaches the hairline,
/// the cheeks and the chin; the feather then keeps the seam inside the face's own edge).
///
/// The mask is 1 inside the convex hull of these points and the landmarks, and falls to 0 at
/// the hull's edge over `feather` pixels (a smoothstep of the distance to the edge), the
/// "erode, then blur" of the tools: a hard edge would leave a visible seam.
public enum LandmarkMask {
    /// The outline around five landmarks (left eye, right eye, nose tip, left and right mouth
    /// corner, in pixels), as a convex polygon of positive signed area (counter-clockwise with
    /// y up; on screen, with y down, it runs clockwise).
    public static func outline(_ landmarks: [SIMD2<Float>]) -> [SIMD2<Float>] {
        precondition(landmarks.count == 5, "a face has five landmarks: eyes, nose tip, mouth corners")
        let (leftEye, rightEye, mouthLeft, mouthRight) = (landmarks[0], landmarks[1], landmarks[3], landmarks[4])
        let across = rightEye - leftEye
        let down = (mouthLeft + mouthRight) / 2 - (leftEye + rightEye) / 2
        let chin = (mouthLeft + mouthRight) / 2 + 1.0 * down
        let extra = [leftEye - 0.6 * across - 1.0 * down, rightEye + 0.6 * across - 1.0 * down,
                     leftEye - 0.85 * across + 0.1 * down, rightEye + 0.85 * across + 0.1 * down,
                     mouthLeft - 0.7 * across + 0.5 * down, mouthRight + 0.7 * across + 0.5 * down, chin]
        return convexHull(landmarks + extra)
    }

    /// A `size × size` mask, row-major, 1 inside the face and 0 outside (see the type's note).
    public static func mask(landmarks: [SIMD2<Float>], size: Int, feather: Float = 2.5) -> [Float] {
        distances(landmarks: landmarks, size: size).map { inside in
            let t = min(max(inside / max(feather, 1e-3), 0), 1)
            return t * t * (3 - 2 * t)
        }
    }

    /// For every pixel centre of a `size × size` picture, its distance in pixels to the edge of
    /// the face outline: positive inside the face, negative outside.
    public static func distances(landmarks: [SIMD2<Float>], size: Int) -> [Float] {
        let polygon = outline(landmarks)
        return (0..<(size * size)).map { index in
            signedDistance(SIMD2(Float(index % size) + 0.5, Float(index / size) + 0.5), to: polygon)
        }
    }

    /// The five landmarks of row `row` of a face set, read from its manifest columns; nil when
    /// the set has no landmark columns or the row's values are not numbers.
    public static func landmarks(of dataset: ImageDataset, row: Int) -> [SIMD2<Float>]? {
        let columns = FaceManifest.landmarkColumns.compactMap { dataset.attributeNames.firstIndex(of: $0) }
        guard columns.count == FaceManifest.landmarkColumns.count, dataset.attributeRows.indices.contains(row) else { return nil }
        let values = columns.compactMap { Float(dataset.attributeRows[row][$0]) }.filter(\.isFinite)
        guard values.count == columns.count else { return nil }
        return stride(from: 0, to: values.count, by: 2).map { SIMD2(values[$0], values[$0 + 1]) }
    }

    /// Distance from `point` to the polygon's edge: positive inside, negative outside.
    static func signedDistance(_ point: SIMD2<Float>, to polygon: [SIMD2<Float>]) -> Float {
        var nearest = Float.infinity, inside = true
        for index in polygon.indices {
            let start = polygon[index], end = polygon[(index + 1) % polygon.count]
            let edge = end - start, offset = point - start
            // The hull runs with positive area (see `convexHull`): the inside is to the left of
            // every edge, where the cross product edge × offset is ≥ 0.
            if edge.x * offset.y - edge.y * offset.x < 0 { inside = false }
            let along = min(max((offset.x * edge.x + offset.y * edge.y) / max(edge.x * edge.x + edge.y * edge.y, 1e-9), 0), 1)
            let gap = offset - along * edge
            nearest = min(nearest, (gap.x * gap.x + gap.y * gap.y).squareRoot())
        }
        return inside ? nearest : -nearest
    }

    /// The convex hull by Andrew's monotone chain (1979): sort, then build the lower and upper
    /// chains, dropping every point that makes a clockwise turn.
    static func convexHull(_ points: [SIMD2<Float>]) -> [SIMD2<Float>] {
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard sorted.count > 2 else { return sorted }
        func cross(_ o: SIMD2<Float>, _ a: SIMD2<Float>, _ b: SIMD2<Float>) -> Float {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [SIMD2<Float>] = [], upper: [SIMD2<Float>] = []
        for point in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], point) <= 0 { lower.removeLast() }
            lower.append(point)
        }
        for point in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], point) <= 0 { upper.removeLast() }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}
