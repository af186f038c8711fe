/// The head as a 3-D shape, the body under it, and the light on both.

/// What a point on the face is made of: colour, which way it faces, and how much of the
/// surrounding light reaches it (creases, eye sockets and the mouth are partly hidden).
struct Surface {
    var albedo: SIMD3<Float>
    var normal: SIMD3<Float>    // face frame: x across, y down, z out of the face
    var occlusion: Float = 1
    var gloss: Float = 0.2
}

extension FaceLayout {
    /// Soft "wrap" diffuse light plus a Blinn-Phong highlight, for a normal in the face frame.
    @inline(__always) func illuminate(_ surface: Surface) -> SIMD3<Float> {
        let n = worldNormal(surface.normal)
        // Wrap lighting (n·L + wrap) / (1 + wrap): light creeps past the shadow line as it
        // does through skin, instead of cutting off hard at 90°.
        let facing = dot(n, lightDirection)
        let diffuse = clamp01((facing + 0.35) / 1.35)
        let brightness = (0.3 + 0.85 * lightIntensity * diffuse) * surface.occlusion
        // Skin scatters red light furthest, so its shadows are warmer than its lit side.
        let warmth = SIMD3<Float>(1, 0.9 + 0.1 * diffuse, 0.86 + 0.14 * diffuse)
        // Highlight: how close the normal is to halfway between the light and the viewer, ^32.
        var shine = clamp01(dot(n, halfVector))
        shine *= shine; shine *= shine; shine *= shine; shine *= shine; shine *= shine
        return surface.albedo * warmth * brightness + SIMD3(repeating: 0.22 * surface.gloss * lightIntensity * shine)
    }

    /// Turns a face-frame direction into picture space: yaw about the vertical, then roll.
    @inline(__always) func worldNormal(_ n: SIMD3<Float>) -> SIMD3<Float> {
        let turnedX = n.x * cosYaw + n.z * sinYaw
        let turnedZ = -n.x * sinYaw + n.z * cosYaw
        let turnedY = n.y + pitch * turnedZ
        return normalized(SIMD3(cosRoll * turnedX - sinRoll * turnedY, sinRoll * turnedX + cosRoll * turnedY, turnedZ))
    }

    /// Where the ray through head-space point (x, t) meets the turned head: the face-frame
    /// position across (u) and out of the face (s), with the head's half-width at that height.
    /// Each horizontal slice of the head is an ellipse (half-width w, half-depth depthRatio·w);
    /// turning it by the yaw and intersecting with the viewing ray gives a quadratic.
    @inline(__always) func surfacePoint(x: Float, t: Float) -> (u: Float, s: Float, width: Float, slope: Float) {
        let width = headHalfWidth(t)
        let slope = (headHalfWidth(t + 0.02) - headHalfWidth(t - 0.02)) * 25
        let limit = silhouetteFactor * 0.999
        let across = min(max(x / max(width, 1e-4), -limit), limit)
        // Unknown: z, the depth towards the viewer, in units of w. The slice is
        // (x·cos − z·sin)² + ((x·sin + z·cos)/d)² = 1.
        let c = cosYaw, s = sinYaw, inverseDepth2 = 1 / (depthRatio * depthRatio)
        let a = s * s + c * c * inverseDepth2
        let b = 2 * across * c * s * (inverseDepth2 - 1)
        let constant = across * across * (c * c + s * s * inverseDepth2) - 1
        let z = (-b + max(0, b * b - 4 * a * constant).squareRoot()) / (2 * a)   // the near side
        return ((across * c - z * s) * width, (across * s + z * c) * width, width, slope)
    }

    /// The head at head-space point (x, t): its anti-aliased outline, the face-frame point the
    /// pixel sees, every feature painted onto that point, and finally the light.
    func drawHead(over under: SIMD3<Float>, x: Float, t: Float, pixel: Float) -> SIMD3<Float> {
        if t < -1.1 || t > 1.1 { return under }
        // Past the crown and chin the slices vanish; keep the last real slice for shading.
        let point = surfacePoint(x: x, t: min(max(t, -0.995), 0.995))
        let seenSlope = silhouetteFactor * point.slope
        // Signed distance to the outline, corrected for its slope so edges stay one pixel soft.
        let distance = max((abs(x) - point.width * silhouetteFactor) / (1 + seenSlope * seenSlope).squareRoot(), abs(t) - 1)
        let cover = coverage(distance, pixel)
        if cover <= 0 { return under }

        let u = point.u, s = point.s, w = max(point.width, 1e-4)
        let v = t - pitch * s   // a small nod moves points that stick out further
        // The normal is the gradient of F = (u/w)² + (s/(d·w))² over (u, t, s), times w/2:
        // (u/w, −w′, s/(d²·w)). The −w′ term tilts the surface up or down where the head narrows.
        let normal = normalized(SIMD3(u / w, -point.slope, s / (w * depthRatio * depthRatio)))
        // Features are drawn in face units; near the outline one pixel covers more of them.
        let facing = max(worldNormal(normal).z, 0.25)
        let featurePixel = pixel / facing

        var surface = Surface(albedo: skin, normal: normal)
        shadeSkinDetail(&surface, u: u, v: v, width: w)
        shadeNose(&surface, u: u, v: v, pixel: featurePixel)
        shadeMouth(&surface, u: u, v: v, pixel: featurePixel)
        shadeFacialHair(&surface, u: u, v: v, width: w, pixel: featurePixel)
        shadeBrows(&surface, u: u, v: v, pixel: featurePixel)
        shadeEyes(&surface, u: u, v: v, pixel: featurePixel)
        shadeScalpHair(&surface, u: u, v: v, width: w, pixel: featurePixel)
        var color = illuminate(surface)
        color = drawGlasses(over: color, u: u, v: v, width: w, pixel: featurePixel)
        return mix(under, color, cover)
    }

    /// Cheek colour and the soft shadow under the jaw line.
    @inline(__always) func shadeSkinDetail(_ surface: inout Surface, u: Float, v: Float, width: Float) {
        let cheekX = abs(u) - 0.36, cheekY = v - 0.33
        let blush = clamp01(1 - (cheekX * cheekX + cheekY * cheekY) * 30)
        surface.albedo *= SIMD3(1, 1 - 0.08 * blush, 1 - 0.08 * blush)
        surface.occlusion *= 1 - 0.25 * smoothstep(0.8, 1.0, v) * smoothstep(0.4, 1, abs(u) / width)
    }

    /// The neck: a shaded column from under the jaw to the shoulders, darkest under the jaw.
    /// Its top follows the head's roll and turn; its base stays on the body.
    func drawNeck(over under: SIMD3<Float>, x: Float, y: Float, pixel: Float) -> SIMD3<Float> {
        // Where the jaw's centre lands in the picture (head point (−0.1·sin yaw, 0.8) rolled).
        let jawX = -0.1 * sinYaw, jawT: Float = 0.8
        let topX = centerX + scale * (cosRoll * jawX - sinRoll * jawT)
        let topY = centerY + scale * (sinRoll * jawX + cosRoll * jawT)
        if y < topY - 0.1 { return under }
        let neckX = mix(topX, 0, smoothstep(topY, 0.9, y))
        let neckWidth = 0.5 * halfWidth * scale + 0.08 * max(0, y - topY)
        let across = x - neckX
        let cover = coverage(abs(across) - neckWidth, pixel)
        if cover <= 0 { return under }
        let side = across / neckWidth
        let normal = SIMD3<Float>(side * 0.8, 0.1, max(0.2, 1 - side * side).squareRoot())
        var surface = Surface(albedo: skin, normal: normal, occlusion: 0.55 + 0.35 * smoothstep(topY + 0.05, topY + 0.35, y), gloss: 0.05)
        surface.occlusion *= 1 - 0.3 * smoothstep(0.3, 1.0, abs(side))
        return mix(under, illuminate(surface), cover)
    }

    /// Shoulders and a crew-neck top, in picture coordinates (the body does not roll with the head).
    func drawShoulders(over under: SIMD3<Float>, x: Float, y: Float, pixel: Float) -> SIMD3<Float> {
        if y < 0.5 { return under }
        let shoulderY = y - 1.08, across = x / 1.5
        let distance = (length(across, shoulderY / 0.5) - 1) * 0.5
        let cover = coverage(distance, pixel)
        if cover <= 0 { return under }
        let normal = SIMD3<Float>(across, min(shoulderY / 0.5, 0), 0.7)
        var surface = Surface(albedo: clothing, normal: normalized(normal), occlusion: 0.85, gloss: 0.05)
        // A collar seam: a thin darker curve around the neck.
        let collar = abs(length(x / 0.3, (y - 0.6) / 0.14) - 1) * 0.14
        surface.occlusion *= 1 - 0.35 * coverage(collar - 0.012, pixel)
        return mix(under, illuminate(surface), cover)
    }

    /// The ears: behind the head's outline when seen from the front, on top of the cheek on
    /// the side that turns towards the viewer.
    func drawEars(over under: SIMD3<Float>, x: Float, t: Float, pixel: Float, inFront: Bool) -> SIMD3<Float> {
        if hairStyle.coversEars || abs(t - earY) > earHalfHeight * 1.2 { return under }
        var color = under
        for side: Float in [-1, 1] {
            let faceU = side * (headHalfWidth(earY) + 0.02), faceS = -0.12 * halfWidth
            let depth = -faceU * sinYaw + faceS * cosYaw
            if (depth > 0) != inFront { continue }
            let centerX = faceU * cosYaw + faceS * sinYaw
            let turned = max(0, -side * sinYaw)          // how much this ear turns to face us
            let halfWidthSeen = 0.05 + 0.1 * turned
            let dy = (t - earY) / earHalfHeight
            let taper = 1 - 0.35 * max(0, dy)            // the lobe is narrower than the top
            let dx = (x - centerX - side * 0.03 * (1 - turned)) / (halfWidthSeen * taper)
            let distance = (length(dx, dy) - 1) * min(halfWidthSeen, earHalfHeight)
            let cover = coverage(distance, pixel)
            if cover <= 0 { continue }
            let inner = clamp01(1.6 - 1.6 * length(dx * 1.3, dy * 1.5))
            let surface = Surface(albedo: skin * SIMD3(1, 0.93, 0.92), normal: normalized(SIMD3(side * 0.8, 0, 0.6)),
                                  occlusion: 0.82 - 0.3 * inner * turned, gloss: 0.1)
            color = mix(color, illuminate(surface), cover)
        }
        return color
    }
}
