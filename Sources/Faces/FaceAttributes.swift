import Engine
/// Everything that decides what one synthetic face looks like. Every image in the datasets is
/// stored with these numbers: ground truth that no photo collection can give.
///
/// Three groups, because a face swap must change exactly one of them:
/// - `FaceIdentity`: who the person is (fixed across all pictures of one person);
/// - `FaceExpression`: what the face is doing (smile, blink, gaze...);
/// - `FacePose` and `FaceScene`: how the head is turned and lit, and what is behind it.
public struct FaceAttributes: Equatable, Sendable {
    public var identity: FaceIdentity
    public var expression: FaceExpression
    public var pose: FacePose
    public var scene: FaceScene

    public init(identity: FaceIdentity, expression: FaceExpression = .neutral,
                pose: FacePose = .frontal, scene: FaceScene = .studio) {
        self.identity = identity
        self.expression = expression
        self.pose = pose
        self.scene = scene
    }

    /// A random person in a random expression, pose and scene, fully determined by `seed`.
    public static func random(seed: UInt64) -> FaceAttributes {
        var identityRandom = SplitMix64.derived(from: seed, stream: 1)
        var momentRandom = SplitMix64.derived(from: seed, stream: 2)
        return FaceAttributes(identity: .random(using: &identityRandom),
                              expression: .random(using: &momentRandom),
                              pose: .random(using: &momentRandom),
                              scene: .random(using: &momentRandom)).quantized()
    }

    /// The attributes rounded to what the manifest writes (2 decimals, angles 1 decimal,
    /// colours whole numbers), so a manifest row describes its picture exactly: rendering the
    /// row's numbers gives the same pixels.
    public func quantized() -> FaceAttributes {
        func q(_ value: inout Float, _ steps: Float = 100) { value = (value * steps).rounded() / steps }
        var a = self
        q(&a.identity.faceWidth); q(&a.identity.faceLength); q(&a.identity.jawSquareness)
        q(&a.identity.skinTone); q(&a.identity.skinUndertone); q(&a.identity.hairVolume)
        q(&a.identity.hairline); q(&a.identity.hairPartSide); q(&a.identity.eyeSize)
        q(&a.identity.eyeSpacing); q(&a.identity.eyeRoundness); q(&a.identity.eyeTilt)
        q(&a.identity.browThickness); q(&a.identity.browArch); q(&a.identity.noseLength)
        q(&a.identity.noseWidth); q(&a.identity.mouthWidth); q(&a.identity.lipFullness)
        q(&a.identity.earSize); q(&a.identity.clothingHue)
        q(&a.expression.smile); q(&a.expression.mouthOpen); q(&a.expression.browRaise)
        q(&a.expression.eyeOpenness); q(&a.expression.gazeX); q(&a.expression.gazeY)
        q(&a.pose.yaw, 10); q(&a.pose.roll, 10); q(&a.pose.pitch, 10)
        q(&a.scene.lightSide); q(&a.scene.lightHeight); q(&a.scene.lightIntensity)
        a.scene.backgroundTop = a.scene.backgroundTop.rounded(.toNearestOrAwayFromZero)
        a.scene.backgroundBottom = a.scene.backgroundBottom.rounded(.toNearestOrAwayFromZero)
        return a
    }
}

/// What the face is doing. Ranges are in the comments; `random` stays inside them.
public struct FaceExpression: Equatable, Sendable {
    /// −1 (frown: corners down) ... 0 (neutral) ... 1 (broad smile: corners up, cheeks raised).
    public var smile: Float
    /// 0 (lips closed) ... 1 (wide open, teeth showing).
    public var mouthOpen: Float
    /// −1 (knitted, inner ends pulled down) ... 1 (raised in surprise).
    public var browRaise: Float
    /// 0 (closed: a blink) ... 1 (wide open).
    public var eyeOpenness: Float
    /// Where the irises point: −1 (the image's left) ... 1 (right), −1 (up) ... 1 (down).
    public var gazeX: Float
    public var gazeY: Float

    public init(smile: Float, mouthOpen: Float, browRaise: Float, eyeOpenness: Float, gazeX: Float, gazeY: Float) {
        self.smile = smile; self.mouthOpen = mouthOpen; self.browRaise = browRaise
        self.eyeOpenness = eyeOpenness; self.gazeX = gazeX; self.gazeY = gazeY
    }

    public static let neutral = FaceExpression(smile: 0, mouthOpen: 0, browRaise: 0, eyeOpenness: 0.85, gazeX: 0, gazeY: 0)

    public static func random(using random: inout SplitMix64) -> FaceExpression {
        FaceExpression(
            smile: random.chance(0.6) ? random.uniform(0...1) : random.uniform(-0.8...0.2),
            mouthOpen: random.chance(0.35) ? random.uniform(0...1) : 0,
            browRaise: random.bell(-1...1),
            eyeOpenness: random.chance(0.08) ? random.uniform(0...0.25) : random.uniform(0.55...1),
            gazeX: random.bell(-1...1),
            gazeY: random.bell(-0.6...0.6))
    }
}

/// How the head is turned. Angles in degrees; positive yaw turns the face towards the image's
/// right (we see more of its left cheek), positive roll tilts it clockwise, positive pitch
/// tips the chin down.
public struct FacePose: Equatable, Sendable {
    /// −35 ... 35
    public var yaw: Float
    /// −15 ... 15
    public var roll: Float
    /// −12 ... 12
    public var pitch: Float

    public init(yaw: Float, roll: Float, pitch: Float) {
        self.yaw = yaw; self.roll = roll; self.pitch = pitch
    }

    public static let frontal = FacePose(yaw: 0, roll: 0, pitch: 0)
    public static let yawRange: ClosedRange<Float> = -35...35
    public static let rollRange: ClosedRange<Float> = -15...15
    public static let pitchRange: ClosedRange<Float> = -12...12

    public static func random(using random: inout SplitMix64) -> FacePose {
        FacePose(yaw: random.bell(yawRange), roll: random.bell(rollRange), pitch: random.bell(pitchRange))
    }
}

/// Light and background.
public struct FaceScene: Equatable, Sendable {
    /// Where the key light comes from: −1 (image left) ... 1 (image right).
    public var lightSide: Float
    /// How high the light is: 0 (level with the eyes) ... 1 (from well above).
    public var lightHeight: Float
    /// 0.6 (dim) ... 1.3 (bright).
    public var lightIntensity: Float
    /// Background colours at the top and the bottom of the picture (0...255 RGB), blended.
    public var backgroundTop: SIMD3<Float>
    public var backgroundBottom: SIMD3<Float>

    public init(lightSide: Float, lightHeight: Float, lightIntensity: Float,
                backgroundTop: SIMD3<Float>, backgroundBottom: SIMD3<Float>) {
        self.lightSide = lightSide; self.lightHeight = lightHeight; self.lightIntensity = lightIntensity
        self.backgroundTop = backgroundTop; self.backgroundBottom = backgroundBottom
    }

    public static let studio = FaceScene(lightSide: -0.3, lightHeight: 0.5, lightIntensity: 1,
                                         backgroundTop: [150, 170, 190], backgroundBottom: [90, 105, 125])

    public static func random(using random: inout SplitMix64) -> FaceScene {
        // Backgrounds: muted studio colours, sometimes a plain light or dark backdrop.
        let hue = random.unit()
        let base = FacePalette.muted(hue: hue, lightness: random.uniform(0.25...0.85), saturation: random.uniform(0.05...0.45))
        let shift = random.uniform(-60...30)
        return FaceScene(lightSide: random.uniform(-1...1), lightHeight: random.uniform(0...1),
                         lightIntensity: random.uniform(0.6...1.3),
                         backgroundTop: base, backgroundBottom: simdClamp(base + shift))
    }
}

func simdClamp(_ color: SIMD3<Float>) -> SIMD3<Float> {
    SIMD3(min(max(color.x, 0), 255), min(max(color.y, 0), 255), min(max(color.z, 0), 255))
}
