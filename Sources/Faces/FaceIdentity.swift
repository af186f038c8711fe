import Engine
/// Who a synthetic person is: the attributes that stay the same in every picture of them.
/// Proportions are multipliers around 1 (an average face); shapes are 0...1 blends.
public struct FaceIdentity: Equatable, Sendable {
    // Head
    public var faceWidth: Float        // 0.88 ... 1.12
    public var faceLength: Float       // 0.92 ... 1.08
    public var jawSquareness: Float    // 0 (oval, pointed chin) ... 1 (square jaw)
    // Skin
    public var skinTone: Float         // 0 (very light) ... 1 (very dark)
    public var skinUndertone: Float    // −1 (pink, cool) ... 1 (olive, golden)
    // Hair
    public var hairStyle: HairStyle
    public var hairColor: HairColor
    public var hairVolume: Float       // 0 (flat) ... 1 (full)
    public var hairline: Float         // 0 (low) ... 1 (high, receding)
    public var hairPartSide: Float     // −1 (part on the image's left) ... 1 (right)
    // Eyes and brows
    public var eyeSize: Float          // 0.85 ... 1.15
    public var eyeSpacing: Float       // 0.92 ... 1.08
    public var eyeRoundness: Float     // 0 (narrow almond) ... 1 (round)
    public var eyeTilt: Float          // −1 (outer corners down) ... 1 (up)
    public var eyeColor: EyeColor
    public var browThickness: Float    // 0 (thin) ... 1 (bushy)
    public var browArch: Float         // 0 (straight) ... 1 (high arch)
    // Nose, mouth, ears
    public var noseLength: Float       // 0.88 ... 1.12
    public var noseWidth: Float        // 0.8 ... 1.25
    public var mouthWidth: Float       // 0.85 ... 1.15
    public var lipFullness: Float      // 0 (thin) ... 1 (full)
    public var earSize: Float          // 0.85 ... 1.15
    // Extras
    public var glasses: Glasses
    public var facialHair: FacialHair
    public var clothingHue: Float      // 0 ... 1 around the colour wheel

    public static func random(using random: inout SplitMix64) -> FaceIdentity {
        let skinTone = random.unit()
        // Darker skin comes with darker hair and eyes more often, as in people.
        let hairColor = HairColor.random(skinTone: skinTone, using: &random)
        let style = HairStyle.allCases[random.pick(weights: [0.07, 0.1, 0.22, 0.18, 0.11, 0.14, 0.18])]
        let facialHair: FacialHair = random.chance(0.3)
            ? FacialHair.allCases[1 + random.pick(weights: [0.35, 0.2, 0.2, 0.25])] : .none
        return FaceIdentity(
            faceWidth: random.bell(0.88...1.12), faceLength: random.bell(0.92...1.08),
            jawSquareness: random.unit(),
            skinTone: skinTone, skinUndertone: random.uniform(-1...1),
            hairStyle: style, hairColor: hairColor, hairVolume: random.unit(),
            hairline: random.chance(0.2) ? random.uniform(0.5...1) : random.uniform(0...0.5),
            hairPartSide: random.chance(0.5) ? -1 : 1,
            eyeSize: random.bell(0.85...1.15), eyeSpacing: random.bell(0.92...1.08),
            eyeRoundness: random.unit(), eyeTilt: random.bell(-1...1),
            eyeColor: EyeColor.random(skinTone: skinTone, using: &random),
            browThickness: random.unit(), browArch: random.unit(),
            noseLength: random.bell(0.88...1.12), noseWidth: random.bell(0.8...1.25),
            mouthWidth: random.bell(0.85...1.15), lipFullness: random.unit(),
            earSize: random.bell(0.85...1.15),
            glasses: random.chance(0.2) ? (random.chance(0.5) ? .round : .rectangular) : .none,
            facialHair: facialHair, clothingHue: random.unit())
    }
}

public enum HairStyle: String, CaseIterable, Sendable {
    case bald, buzz, short, sidePart, curly, bob, long
    /// Styles whose hair falls over the ears.
    var coversEars: Bool { self == .bob || self == .long || self == .curly }
}

public enum HairColor: String, CaseIterable, Sendable {
    case black, darkBrown, brown, lightBrown, blonde, auburn, grey, white

    static func random(skinTone: Float, using random: inout SplitMix64) -> HairColor {
        let dark = skinTone  // 0 light ... 1 dark
        let weights: [Float] = [0.15 + 0.7 * dark, 0.25, 0.2 * (1.2 - dark), 0.12 * (1 - dark),
                                0.14 * (1 - dark) * (1 - dark), 0.06 * (1 - dark), 0.07, 0.03]
        return allCases[random.pick(weights: weights)]
    }
}

public enum EyeColor: String, CaseIterable, Sendable {
    case darkBrown, brown, hazel, green, blue, grey

    static func random(skinTone: Float, using random: inout SplitMix64) -> EyeColor {
        let light = 1 - skinTone
        let weights: [Float] = [0.2 + 0.6 * skinTone, 0.3, 0.12, 0.1 * light, 0.2 * light * light, 0.06 * light]
        return allCases[random.pick(weights: weights)]
    }
}

public enum Glasses: String, CaseIterable, Sendable { case none, round, rectangular }

public enum FacialHair: String, CaseIterable, Sendable { case none, stubble, moustache, goatee, fullBeard }
