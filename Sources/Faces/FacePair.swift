import Engine
/// The two people of the face-swap lesson. A deepfake learns to draw B doing whatever A does;
/// because both are synthetic, we can also draw the perfect answer and grade the network.
public enum FacePair {
    /// Person A: lighter skin, short side-parted brown hair, blue eyes, a square jaw.
    public static let personA = FaceIdentity(
        faceWidth: 1.04, faceLength: 0.98, jawSquareness: 0.8,
        skinTone: 0.22, skinUndertone: -0.3,
        hairStyle: .sidePart, hairColor: .brown, hairVolume: 0.5, hairline: 0.25, hairPartSide: -1,
        eyeSize: 0.95, eyeSpacing: 1.02, eyeRoundness: 0.3, eyeTilt: -0.2, eyeColor: .blue,
        browThickness: 0.6, browArch: 0.2,
        noseLength: 1.08, noseWidth: 1.0, mouthWidth: 1.05, lipFullness: 0.25, earSize: 1.05,
        glasses: .none, facialHair: .none, clothingHue: 0.6)

    /// Person B: darker skin, a black bob, brown eyes, an oval face with full lips.
    public static let personB = FaceIdentity(
        faceWidth: 0.94, faceLength: 1.02, jawSquareness: 0.1,
        skinTone: 0.72, skinUndertone: 0.4,
        hairStyle: .bob, hairColor: .black, hairVolume: 0.6, hairline: 0.1, hairPartSide: 1,
        eyeSize: 1.1, eyeSpacing: 0.97, eyeRoundness: 0.7, eyeTilt: 0.5, eyeColor: .darkBrown,
        browThickness: 0.35, browArch: 0.8,
        noseLength: 0.92, noseWidth: 1.15, mouthWidth: 0.95, lipFullness: 0.9, earSize: 0.95,
        glasses: .none, facialHair: .none, clothingHue: 0.05)

    /// One picture's expression, pose and light (everything but the identity), from a seed.
    public static func moment(seed: UInt64) -> (expression: FaceExpression, pose: FacePose, scene: FaceScene) {
        var random = SplitMix64.derived(from: seed, stream: 3)
        return (.random(using: &random), .random(using: &random), .random(using: &random))
    }

    /// `person` caught in the moment drawn from `seed`.
    public static func attributes(_ person: FaceIdentity, momentSeed seed: UInt64) -> FaceAttributes {
        let moment = moment(seed: seed)
        return FaceAttributes(identity: person, expression: moment.expression, pose: moment.pose, scene: moment.scene).quantized()
    }
}
