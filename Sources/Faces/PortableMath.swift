/// Math that gives the same bits on every machine.
///
/// IEEE 754 requires +, −, ×, ÷ and square root to be correctly rounded, so they agree
/// everywhere. Library functions such as `sin` and `exp` are not required to, and do differ in
/// the last bit between platforms. One different bit can flip a rounded pixel, so the renderer
/// only uses the operations below.
enum PortableMath {
    static let pi: Float = 3.14159265

    /// sin(x) from its Taylor series after folding x into [−π/2, π/2]; error below 4·10⁻⁶.
    static func sin(_ x: Float) -> Float {
        var angle = x - 2 * pi * (x / (2 * pi)).rounded()   // now in [−π, π]
        if angle > pi / 2 { angle = pi - angle }              // sin(π − a) = sin(a)
        if angle < -pi / 2 { angle = -pi - angle }
        let a2 = angle * angle
        // x − x³/3! + x⁵/5! − x⁷/7! + x⁹/9!, in Horner form.
        return angle * (1 - a2 / 6 * (1 - a2 / 20 * (1 - a2 / 42 * (1 - a2 / 72))))
    }

    static func cos(_ x: Float) -> Float { sin(x + pi / 2) }

    /// The angle of (x, y) in radians, −π ... π, to within 0.002 (a polynomial for atan on
    /// [−1, 1], then the octant by symmetry). Used only where a small error is invisible.
    static func atan2(_ y: Float, _ x: Float) -> Float {
        let ax = abs(x), ay = abs(y)
        if ax == 0 && ay == 0 { return 0 }
        let ratio = min(ax, ay) / max(ax, ay)
        var angle = (pi / 4) * ratio - ratio * (ratio - 1) * (0.2447 + 0.0663 * ratio)
        if ay > ax { angle = pi / 2 - angle }
        if x < 0 { angle = pi - angle }
        return y < 0 ? -angle : angle
    }

    static func radians(_ degrees: Float) -> Float { degrees * (pi / 180) }
}

/// Helpers every shader uses.
@inline(__always) func clamp01(_ x: Float) -> Float { min(max(x, 0), 1) }

@inline(__always) func mix(_ a: Float, _ b: Float, _ t: Float) -> Float { a + (b - a) * t }

@inline(__always) func mix(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ t: Float) -> SIMD3<Float> { a + (b - a) * t }

/// Hermite smoothstep: 0 below `edge0`, 1 above `edge1`, an S-curve between.
@inline(__always) func smoothstep(_ edge0: Float, _ edge1: Float, _ x: Float) -> Float {
    let t = clamp01((x - edge0) / (edge1 - edge0))
    return t * t * (3 - 2 * t)
}

/// How much of a pixel a shape covers, from the signed distance to its edge (negative inside)
/// and the pixel's width in the same units: analytic anti-aliasing, one sample per pixel.
@inline(__always) func coverage(_ signedDistance: Float, _ pixelWidth: Float) -> Float {
    clamp01(0.5 - signedDistance / pixelWidth)
}

/// A triangle wave between 0 and 1 with period 1 (a cheap stand-in for a sine in textures).
@inline(__always) func triangleWave(_ x: Float) -> Float {
    let f = x - x.rounded(.down)
    return f < 0.5 ? 2 * f : 2 - 2 * f
}

/// A colour from 0...255 sRGB values, returned in (approximately) linear light, where shading
/// multiplies correctly. We use gamma 2 (square, then square root back) because it is exact
/// IEEE arithmetic and close enough to the sRGB curve for synthetic faces.
@inline(__always) func linearColor(_ r: Float, _ g: Float, _ b: Float) -> SIMD3<Float> {
    let c = SIMD3<Float>(r, g, b) / 255
    return c * c
}

/// Dot product written out, so the additions happen in one fixed order on every machine
/// (a vector `sum()` may add lanes in a different order on different processors).
@inline(__always) func dot(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> Float { a.x * b.x + a.y * b.y + a.z * b.z }

@inline(__always) func normalized(_ a: SIMD3<Float>) -> SIMD3<Float> { a / dot(a, a).squareRoot() }

@inline(__always) func length(_ x: Float, _ y: Float) -> Float { (x * x + y * y).squareRoot() }
