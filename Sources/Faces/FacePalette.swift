/// The colours of synthetic people, in 0...255 sRGB.
enum FacePalette {
    /// Skin from very light to very dark: anchor colours measured off the range of human skin
    /// (pale pink-beige through tan and brown to deep brown), blended by `tone`.
    static let skinAnchors: [SIMD3<Float>] = [
        [250, 222, 206], [236, 196, 168], [218, 170, 132], [190, 138, 100],
        [150, 100, 70], [110, 72, 50], [78, 50, 36],
    ]

    static func skin(tone: Float, undertone: Float) -> SIMD3<Float> {
        let position = clamp01(tone) * Float(skinAnchors.count - 1)
        let index = min(Int(position), skinAnchors.count - 2)
        var color = mix(skinAnchors[index], skinAnchors[index + 1], position - Float(index))
        // Cool undertones lean pink (more red, less green); warm ones golden-olive.
        color += SIMD3(-4 * undertone + 4, 5 * undertone, -6 * undertone)
        return simdClamp(color)
    }

    static func hair(_ color: HairColor) -> SIMD3<Float> {
        switch color {
        case .black: return [28, 24, 22]
        case .darkBrown: return [58, 40, 30]
        case .brown: return [98, 66, 42]
        case .lightBrown: return [150, 110, 72]
        case .blonde: return [214, 178, 118]
        case .auburn: return [140, 62, 34]
        case .grey: return [150, 148, 146]
        case .white: return [222, 220, 214]
        }
    }

    static func iris(_ color: EyeColor) -> SIMD3<Float> {
        switch color {
        case .darkBrown: return [50, 30, 20]
        case .brown: return [100, 60, 30]
        case .hazel: return [130, 105, 55]
        case .green: return [80, 125, 80]
        case .blue: return [80, 125, 175]
        case .grey: return [125, 135, 145]
        }
    }

    /// A soft colour from a hue (0...1 around the wheel), lightness and saturation (0...1):
    /// HSL without trigonometry, so backgrounds and clothes are portable too.
    static func muted(hue: Float, lightness: Float, saturation: Float) -> SIMD3<Float> {
        func channel(_ offset: Float) -> Float {
            let h = hue + offset - (hue + offset).rounded(.down)        // wrap into [0, 1)
            let ramp = clamp01(abs(h * 6 - 3) - 1)                      // the hue's share of this channel
            return lightness + saturation * (ramp - 0.5) * (1 - abs(2 * lightness - 1))
        }
        return SIMD3(channel(0), channel(2.0 / 3), channel(1.0 / 3)) * 255
    }
}
