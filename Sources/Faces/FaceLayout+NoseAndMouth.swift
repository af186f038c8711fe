/// The nose and mouth. The nose is mostly drawn with light: it tilts the surface normal, so
/// a side light leaves one flank in shadow and the underside always darker.
extension FaceLayout {
    @inline(__always) func shadeNose(_ surface: inout Surface, u: Float, v: Float, pixel: Float) {
        if v < noseTopY - 0.05 || v > noseTipY + 0.1 { return }
        let along = clamp01((v - noseTopY) / (noseTipY - noseTopY))   // 0 bridge ... 1 tip
        // The nose sticks out, so when the head turns it slides across the cheek behind it.
        let height = 0.22 * along * (2 - along)
        let across = u - height * sinYaw / cosYaw
        let halfWidth = noseHalfWidth * (0.4 + 0.6 * along * along * along)
        let side = across / halfWidth
        // Ridge: flanks face sideways; the underside (past the tip) faces down.
        let ridge = clamp01(1 - side * side) * smoothstep(-0.05, 0.25, along)
        let underside = smoothstep(noseTipY - 0.05, noseTipY + 0.02, v) * smoothstep(1.2, 0.6, abs(side))
            * smoothstep(noseTipY + 0.09, noseTipY + 0.03, v)
        surface.normal = normalized(surface.normal + SIMD3(0.6 * side * ridge, 0.9 * underside, 0))
        // The flanks of the nose face away from any frontal light: a faint outline whatever
        // the light, strongest along the lower half.
        let flank = clamp01(1 - abs(abs(side) - 0.95) * 4) * smoothstep(0.2, 0.8, along) * smoothstep(noseTipY + 0.03, noseTipY - 0.02, v)
        surface.occlusion *= 1 - 0.18 * flank
        // Creases where the nostril wings meet the cheeks.
        let wingX = abs(across) - noseHalfWidth * 0.95, wingY = v - noseTipY + 0.02
        let wing = coverage(abs(length(wingX, wingY * 0.8)) - 0.02, pixel)
        surface.occlusion *= 1 - 0.25 * wing
        // Nostrils: two dark ellipses under the tip.
        let nostrilX = (abs(across) - noseHalfWidth * 0.45) / (0.3 * noseHalfWidth)
        let nostrilY = (v - noseTipY - 0.012) / 0.014
        let nostril = coverage((length(nostrilX, nostrilY) - 1) * 0.014, pixel)
        surface.albedo *= 1 - 0.45 * nostril
        // A touch of shine on the tip.
        surface.gloss += 0.3 * clamp01(1 - length(across / noseHalfWidth, (v - noseTipY + 0.04) / 0.05))
    }

    @inline(__always) func shadeMouth(_ surface: inout Surface, u: Float, v: Float, pixel: Float) {
        if abs(v - mouthY) > 0.3 { return }
        let across = u / mouthHalfWidth
        let bend = across * across
        // Smiling lifts the corners (v points down, so "up" is minus).
        let lineY = mouthY - smile * 0.06 * bend + smile * 0.015
        let gap = mouthOpen * 0.14 * max(0, 1 - bend)
        let top = lineY - 0.3 * gap, bottom = lineY + 0.7 * gap
        // Smile lines: from the nostril wings down to the mouth corners.
        if smile > 0 {
            let fold = (v - noseTipY) / (lineY - noseTipY)
            let expectedX = mix(noseHalfWidth * 1.15, mouthHalfWidth * 1.12, clamp01(fold))
            let crease = coverage(abs(abs(u) - expectedX) - 0.012, pixel) * clamp01(fold * (1.15 - fold) * 5)
            surface.occlusion *= 1 - 0.3 * smile * crease
        }
        if abs(across) > 1.25 { return }
        let inside = max(0, 1 - bend)
        // Cupid's bow: the upper lip dips in the middle.
        let bow = 1 - 0.35 * clamp01(1 - abs(across) * 4)
        let upperTop = top - upperLip * inside.squareRoot() * bow
        let lowerBottom = bottom + lowerLip * inside.squareRoot()
        let upper = coverage(max(upperTop - v, v - top), pixel) * coverage(abs(across) - 1, pixel / mouthHalfWidth)
        let lower = coverage(max(bottom - v, v - lowerBottom), pixel) * coverage(abs(across) - 1, pixel / mouthHalfWidth)
        let lipCover = max(upper, lower)
        surface.albedo = mix(surface.albedo, lips, lipCover)
        surface.normal = normalized(surface.normal + SIMD3(0, 0.8 * upper - 0.6 * lower, 0))
        surface.gloss += 0.25 * lower
        // Shadow under the lower lip.
        surface.occlusion *= 1 - 0.2 * coverage(abs(v - lowerBottom - 0.025) - 0.02, pixel) * inside
        // Where the lips meet: a dark line, or the open mouth with its upper teeth.
        let opening = coverage(max(top - v, v - bottom) - 0.006, pixel) * coverage(abs(across) - 1.02, pixel / mouthHalfWidth)
        if opening > 0 {
            let teeth = coverage(v - top - 0.045, pixel) * coverage(abs(across) - 0.7, pixel / mouthHalfWidth) * smoothstep(0.01, 0.05, gap)
            let cavity = mix(SIMD3<Float>(0.035, 0.008, 0.008), SIMD3(0.62, 0.6, 0.52), teeth)
            surface.albedo = mix(surface.albedo, cavity, opening)
            surface.gloss = mix(surface.gloss, 0.1, opening)
        }
    }
}
