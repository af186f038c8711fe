import Foundation

/// CIE L*a*b* (CIELAB, 1976): a colour space built so that equal steps look about equally
/// different to people. L* is lightness (0 black … 100 white), a* runs green (−) to red (+),
/// b* blue (−) to yellow (+). Skin tone and lighting mostly move L* and a little a*/b*, so
/// matching colours channel by channel works far better here than in RGB, whose three channels
/// all move together when light changes (Reinhard et al. 2001 make that argument).
///
///     sRGB byte → linear light:  c = v/255;  c ≤ 0.04045 ? c/12.92 : ((c + 0.055)/1.055)^2.4
///     linear RGB → XYZ (D65):    the sRGB matrix below (IEC 61966-2-1)
///     XYZ → L*a*b*:              f(t) = t > (6/29)³ ? ∛t : t/(3·(6/29)²) + 4/29
///                                L* = 116·f(Y/Yn) − 16,  a* = 500·(f(X/Xn) − f(Y/Yn)),  b* = 200·(f(Y/Yn) − f(Z/Zn))
///
/// and every step backwards on the way home. White is (100, 0, 0) and pure sRGB red is about
/// (53.24, 80.09, 67.20) (a test checks these).
public struct LabColour: Equatable, Sendable {
    public var l: Double
    public var a: Double
    public var b: Double

    public init(l: Double, a: Double, b: Double) {
        self.l = l; self.a = a; self.b = b
    }

    /// The D65 white point (the sRGB standard's white), XYZ with Y = 1.
    static let white = (x: 0.95047, y: 1.0, z: 1.08883)

    /// An sRGB colour with channels in [0, 1].
    public init(red: Double, green: Double, blue: Double) {
        let (r, g, b) = (Self.linear(red), Self.linear(green), Self.linear(blue))
        let x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b
        let fx = Self.f(x / Self.white.x), fy = Self.f(y / Self.white.y), fz = Self.f(z / Self.white.z)
        self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// Back to sRGB, channels in [0, 1] (not clamped: a colour outside what a screen shows gives
    /// values outside [0, 1]; the caller decides).
    public var rgb: (red: Double, green: Double, blue: Double) {
        let fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - b / 200
        let x = Self.white.x * Self.fInverse(fx), y = Self.white.y * Self.fInverse(fy), z = Self.white.z * Self.fInverse(fz)
        let r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
        let g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
        let b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
        return (Self.gamma(r), Self.gamma(g), Self.gamma(b))
    }

    /// sRGB's transfer curve undone: a byte's value as light intensity.
    static func linear(_ c: Double) -> Double {
        c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear light back to an sRGB value.
    static func gamma(_ c: Double) -> Double {
        c <= 0.0031308 ? 12.92 * c : 1.055 * Foundation.pow(max(c, 0), 1 / 2.4) - 0.055
    }

    /// The cube root with a straight piece near black (so the slope stays finite).
    static func f(_ t: Double) -> Double {
        let delta = 6.0 / 29
        return t > delta * delta * delta ? Foundation.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29
    }

    static func fInverse(_ t: Double) -> Double {
        let delta = 6.0 / 29
        return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29)
    }
}
