/// Hair in two parts: the hair lying on the skull (drawn on the face surface, so it turns with
/// the head) and the volume beyond the skull's outline (a flat shape behind the head).
extension FaceLayout {
    /// Style dimensions in head units: how far hair stands off the skull, and where it ends.
    @inline(__always) var hairShape: (volume: Float, bottom: Float) {
        switch hairStyle {
        case .bald, .buzz: return (0, 0)
        case .short: return (0.06 + 0.09 * hairVolume, 0.1)
        case .sidePart: return (0.06 + 0.08 * hairVolume, 0.12)
        case .curly: return (0.14 + 0.2 * hairVolume, 0.35 + 0.3 * hairVolume)
        case .bob: return (0.07 + 0.08 * hairVolume, 0.8)
        case .long: return (0.06 + 0.08 * hairVolume, 2.5)
        }
    }

    /// Strands: a stripe texture along the hair's flow (a triangle wave, no trigonometry).
    @inline(__always) func hairTexture(_ u: Float, _ v: Float) -> Float {
        if hairStyle == .curly { return 0.8 + 0.35 * triangleWave(u * 9 + v * 3) * triangleWave(v * 9 - u * 3) }
        if hairStyle == .buzz { return 1 }
        return 0.88 + 0.24 * triangleWave(u * 19 + v * 4 * hairPartSide)
    }

    func drawHairBehindHead(over under: SIMD3<Float>, x: Float, t: Float, pixel: Float) -> SIMD3<Float> {
        let shape = hairShape
        if shape.volume == 0 || t > shape.bottom + 0.05 { return under }
        let across = x + 0.12 * sinYaw          // the back of the head swings the other way
        let outerWidth = halfWidth * silhouetteFactor + shape.volume
        let outerHeight = 1 + shape.volume
        var distance: Float
        if t < -0.1 {
            // The crown: an ellipse around the skull.
            distance = (length(across / outerWidth, (t + 0.1) / (outerHeight - 0.1)) - 1) * min(outerWidth, outerHeight - 0.1)
        } else {
            // Below the crown the hair falls straight, spreading a little (long) or hugging the head (short).
            let spread: Float = hairStyle == .long ? 0.12 * t : (hairStyle == .bob ? 0.05 * t : -0.5 * t * t)
            distance = max(abs(across) - outerWidth - spread, t - shape.bottom)
        }
        if hairStyle == .curly {
            // Curls: a scalloped outline of round bumps (parabolic arcs 4f(1 − f)).
            let turns = PortableMath.atan2(t + 0.1, across) * (16 / (2 * PortableMath.pi))
            let f = turns - turns.rounded(.down)
            distance -= 0.06 * 4 * f * (1 - f) - 0.03
        }
        let cover = coverage(distance, pixel * 1.5)
        if cover <= 0 { return under }
        let side = clamp01(abs(across) / outerWidth) * (across < 0 ? -1 : 1)
        let normal = SIMD3<Float>(side, t < 0 ? t * 0.8 : 0, max(0.15, 1 - side * side).squareRoot())
        // Hair far behind the face (below the ears) is in the head's shadow.
        let surface = Surface(albedo: hair * hairTexture(across, t), normal: normalized(normal),
                              occlusion: 1 - 0.45 * smoothstep(0.2, 0.9, t), gloss: 0.35)
        return mix(under, illuminate(surface), cover)
    }

    @inline(__always) func shadeScalpHair(_ surface: inout Surface, u: Float, v: Float, width: Float, pixel: Float) {
        if hairStyle == .bald { return }
        let sideways = u / halfWidth
        var hairline = hairlineY + 0.16 * sideways * sideways
        switch hairStyle {
        case .sidePart: hairline += 0.12 * hairPartSide * sideways - 0.04
        case .bob: hairline = max(hairlineY, -0.45) + 0.12 + 0.05 * sideways * sideways
        case .curly: hairline += 0.04 * triangleWave(u * 8)
        default: break
        }
        // Hair over the temples and, for long styles, down the sides of the face.
        let sideBottom: Float, sideStart: Float
        switch hairStyle {
        case .bob: (sideBottom, sideStart) = (0.8, 0.8)
        case .long: (sideBottom, sideStart) = (1.2, 0.84)
        case .curly: (sideBottom, sideStart) = (0.35, 0.86)
        default: (sideBottom, sideStart) = (earY - 0.08, 0.88)
        }
        let top = v - hairline
        let sides = max(sideStart * width - abs(u), v - sideBottom)
        let distance = min(top, sides)
        // Hair stands off the skin and shades a thin band of forehead under it.
        if hairStyle != .buzz { surface.occlusion *= 1 - 0.3 * clamp01(1 - distance / 0.06) }
        let cover = coverage(distance, pixel + 0.02)
        if cover <= 0 { return }
        let opacity: Float = hairStyle == .buzz ? 0.55 : 1
        surface.albedo = mix(surface.albedo, hair * hairTexture(u, v), cover * opacity)
        surface.gloss = mix(surface.gloss, 0.35, cover)
        // Hair stands off the skull: its own volume softens the shading a little.
        surface.normal = normalized(surface.normal + SIMD3(0, -0.3 * cover * opacity, 0.2 * cover))
    }

    @inline(__always) func shadeFacialHair(_ surface: inout Surface, u: Float, v: Float, width: Float, pixel: Float) {
        if facialHair == .none || v < noseTipY { return }
        let across = abs(u)
        let mouthTop = mouthY - upperLip - 0.01, mouthBottom = mouthY + lowerLip + 0.09 * mouthOpen + 0.01
        let lipsArea = max(abs(u) - mouthHalfWidth * 1.02, max(mouthTop - v, v - mouthBottom))
        let moustache = max(max(across - mouthHalfWidth * 1.05 - 0.02 * (v - noseTipY) * 10, noseTipY + 0.05 - v), v - mouthTop - 0.015)
        // The beard's upper edge runs from the sideburns down across the cheeks.
        let cheekLine = noseTipY + 0.02 + 0.3 * clamp01(1 - across / width) - 0.1 * (across / width)
        let beard = max(cheekLine - v, -lipsArea)
        let chin = max(max(across - mouthHalfWidth * 0.8, mouthBottom - v), -lipsArea)
        var distance: Float, opacity: Float = 0.9
        switch facialHair {
        case .none: return
        case .stubble: distance = min(beard, moustache); opacity = 0.32
        case .moustache: distance = moustache
        case .goatee: distance = min(moustache, chin)
        case .fullBeard: distance = min(beard, moustache)
        }
        let cover = coverage(distance, pixel + 0.02) * opacity
        let texture: Float = facialHair == .stubble ? 0.7 : 0.8 + 0.3 * triangleWave(u * 23 + v * 9)
        surface.albedo = mix(surface.albedo, hair * texture * 0.8, cover)
        surface.gloss *= 1 - cover
    }
}
