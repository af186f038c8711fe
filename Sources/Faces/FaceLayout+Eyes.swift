/// Eyes, eyebrows and glasses, drawn in face-frame coordinates (u across, v down).
///
/// At 32×32 an eye is three pixels wide, so what makes it read as an eye is contrast in the
/// right places: the dark upper lash line, a shadowed socket, a dark iris, and a brow above.
extension FaceLayout {
    @inline(__always) func shadeEyes(_ surface: inout Surface, u: Float, v: Float, pixel: Float) {
        let side: Float = u < 0 ? -1 : 1
        let across = (u - side * eyeX) / eyeHalfWidth                 // −1 ... 1 corner to corner
        if abs(across) > 1.7 || abs(v - eyeY) > 2.2 * eyeHalfWidth { return }
        let outward = across * side                                   // > 0 towards the outer corner
        let down = (v - eyeY + eyeTilt * outward) / eyeHalfWidth      // in eye half-widths
        let aspect = eyeHalfHeight / eyeHalfWidth
        let eyePixel = pixel / eyeHalfWidth

        // The socket sits deeper than the cheek and brow, so less light reaches it.
        let socket = across * across / 2.6 + (down + 0.25) * (down + 0.25) / 1.4
        surface.occlusion *= 1 - 0.28 * clamp01(1 - socket)

        // The lids are two parabolas meeting at the corners; closing the eye lowers the upper one.
        let arch = max(0, 1 - across * across)
        let upperLid = mix(0.65 * aspect, -aspect, eyeOpenness) * arch
        let lowerLid = 0.7 * aspect * arch
        let opening = coverage(upperLid - down, eyePixel) * coverage(down - lowerLid, eyePixel)
            * coverage(abs(across) - 1, eyePixel)
        if opening > 0 {
            let irisX = 0.3 * gazeX, irisY = 0.18 * gazeY
            let radius = length(across - irisX, (down - irisY) / 1.05)
            let irisCover = coverage(radius - 0.44, eyePixel)
            let pupilCover = coverage(radius - 0.17, eyePixel)
            let irisColor = iris * (1 - 0.5 * smoothstep(0.25, 0.44, radius))   // dark limbal ring
            var eye = mix(SIMD3<Float>(0.72, 0.68, 0.64), irisColor, irisCover)
            eye = mix(eye, SIMD3(0.01, 0.01, 0.01), pupilCover)
            // The upper lid shades the top of the eyeball.
            let lidShadow = 0.6 + 0.4 * smoothstep(upperLid, upperLid + aspect, down)
            surface.albedo = mix(surface.albedo, eye * lidShadow, opening)
            surface.gloss = mix(surface.gloss, 0.9, opening)
        }
        // Upper lash line: dark, thickest towards the outer corner. Stays when the eye blinks.
        let lashThickness = 0.12 + 0.1 * clamp01(outward)
        let lash = coverage(abs(down - upperLid + lashThickness * 0.4) - lashThickness * 0.5, eyePixel)
            * coverage(abs(across) - 1.08, eyePixel)
        surface.albedo = mix(surface.albedo, SIMD3(0.012, 0.01, 0.01), 0.9 * lash)
        // Lid crease and lower lid: faint lines that give the eye its shape at larger sizes.
        let crease = coverage(abs(down - (upperLid - 0.45 * aspect - 0.18 * arch)) - 0.05, eyePixel) * arch
        surface.occlusion *= 1 - 0.25 * crease * eyeOpenness
        let lowerLine = coverage(abs(down - lowerLid - 0.03) - 0.03, eyePixel) * arch
        surface.occlusion *= 1 - 0.2 * lowerLine
    }

    @inline(__always) func shadeBrows(_ surface: inout Surface, u: Float, v: Float, pixel: Float) {
        let side: Float = u < 0 ? -1 : 1
        let along = (u * side - eyeX + 0.01) / browHalfWidth   // −1 inner end ... 1 outer end
        if abs(along) > 1.3 || abs(v - browY) > 0.2 { return }
        // The arch peaks two thirds of the way out; knitting pulls the inner ends down.
        let peak = along - 0.3
        let centerLine = browY - browArch * (1 - peak * peak) + browKnit * clamp01(-along + 0.3)
        let thickness = browThickness * (1 - 0.45 * clamp01(along)) * (1 + 0.2 * clamp01(-along))
        let cover = coverage(abs(v - centerLine) - thickness * 0.5, pixel)
            * coverage((abs(along) - 1) * browHalfWidth, pixel)
        surface.albedo = mix(surface.albedo, brows, 0.85 * cover)
        surface.gloss *= 1 - 0.8 * cover
    }

    /// Frames drawn over the lit face (they are not skin); lenses slightly tint and reflect.
    @inline(__always) func drawGlasses(over color: SIMD3<Float>, u: Float, v: Float, width: Float, pixel: Float) -> SIMD3<Float> {
        if glasses == .none || abs(v - eyeY) > 0.3 { return color }
        let side: Float = u < 0 ? -1 : 1
        let round = glasses == .round
        let halfSize: SIMD2<Float> = round ? [0.16, 0.145] : [0.19, 0.12]
        let cornerRadius: Float = round ? 0.14 : 0.05
        let centerY = eyeY + 0.015
        let px = abs(u - side * eyeX) - halfSize.x + cornerRadius
        let py = abs(v - centerY) - halfSize.y + cornerRadius
        // Rounded-rectangle signed distance (negative inside the lens).
        let lensDistance = length(max(px, 0), max(py, 0)) + min(max(px, py), 0) - cornerRadius
        let rim: Float = 0.02
        var frame = coverage(abs(lensDistance) - rim * 0.5, pixel)
        // Bridge over the nose, and the arms running back along the side of the head.
        let bridge = coverage(abs(v - centerY + 0.05) - rim * 0.4, pixel) * coverage(abs(u) - (eyeX - halfSize.x + 0.01), pixel)
        let arm = coverage(abs(v - centerY + 0.04) - rim * 0.5, pixel) * coverage(eyeX + halfSize.x - abs(u), pixel)
            * coverage(abs(u) - 0.985 * width, pixel)
        frame = max(frame, max(bridge, arm))
        let lens = coverage(lensDistance, pixel)
        var result = color * (1 - 0.1 * lens) + SIMD3(repeating: 0.025 * lens * lightIntensity * clamp01(0.5 - (v - centerY) * 4))
        let frameColor: SIMD3<Float> = round ? [0.015, 0.015, 0.02] : [0.09, 0.04, 0.02]
        result = mix(result, frameColor * (0.6 + 0.6 * lightIntensity), frame)
        return result
    }
}
