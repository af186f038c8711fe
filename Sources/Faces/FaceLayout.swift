/// The numbers the renderer needs for one face, worked out once before the pixel loop: where
/// each feature sits (in head units), the pose as sines and cosines, and every colour in linear
/// light. Keeping this per-face work out of the per-pixel code is what makes rendering fast.
///
/// Head units: the head spans t = −1 (crown) ... +1 (chin) vertically; the widest half-width is
/// `halfWidth` (about 0.74). A face-frame point is (u, v): u across the face, v down it, as if
/// the face were seen straight on, whatever the pose.
struct FaceLayout {
    // Placement of the head in the picture (picture units: −1 ... 1 across).
    var centerX: Float = 0
    var centerY: Float = -0.12
    var scale: Float            // head half-height in picture units
    var cosRoll: Float, sinRoll: Float
    var cosYaw: Float, sinYaw: Float
    var pitch: Float            // radians, small
    // Head shape.
    var halfWidth: Float
    var depthRatio: Float = 0.85        // depth / width of the head's cross-sections
    var jaw: Float
    var silhouetteFactor: Float         // seen width / true width once the head is turned
    // Light, in picture space (x right, y down, z towards the viewer).
    var lightDirection: SIMD3<Float>
    var lightIntensity: Float
    var halfVector: SIMD3<Float>        // halfway between the light and the viewer (highlights)
    // Colours in linear light.
    var skin: SIMD3<Float>, lips: SIMD3<Float>, hair: SIMD3<Float>, brows: SIMD3<Float>
    var iris: SIMD3<Float>, clothing: SIMD3<Float>
    var backgroundTop: SIMD3<Float>, backgroundBottom: SIMD3<Float>
    // Eyes and brows.
    var eyeX: Float, eyeY: Float, eyeHalfWidth: Float, eyeHalfHeight: Float
    var eyeOpenness: Float, eyeTilt: Float, gazeX: Float, gazeY: Float
    var browY: Float, browHalfWidth: Float, browThickness: Float, browArch: Float, browKnit: Float
    // Nose, mouth, ears.
    var noseTopY: Float, noseTipY: Float, noseHalfWidth: Float
    var mouthY: Float, mouthHalfWidth: Float, upperLip: Float, lowerLip: Float
    var smile: Float, mouthOpen: Float
    var earY: Float, earHalfHeight: Float
    // Hair and extras.
    var hairStyle: HairStyle, hairlineY: Float, hairVolume: Float, hairPartSide: Float
    var facialHair: FacialHair, glasses: Glasses

    init(_ requested: FaceAttributes) {
        let attributes = requested.withinRenderingLimits()
        let id = attributes.identity, expression = attributes.expression
        let pose = attributes.pose, scene = attributes.scene
        scale = 0.6 * id.faceLength
        let roll = PortableMath.radians(pose.roll), yaw = PortableMath.radians(pose.yaw)
        cosRoll = PortableMath.cos(roll); sinRoll = PortableMath.sin(roll)
        cosYaw = PortableMath.cos(yaw); sinYaw = PortableMath.sin(yaw)
        pitch = PortableMath.radians(pose.pitch)
        halfWidth = 0.78 * id.faceWidth
        jaw = id.jawSquareness
        // A turned ellipse's outline: sqrt(cos² + depth²·sin²) times its width.
        silhouetteFactor = (cosYaw * cosYaw + depthRatio * depthRatio * sinYaw * sinYaw).squareRoot()

        // The key light sits in front of the face, off to one side and above.
        let lightVector = SIMD3<Float>(0.9 * scene.lightSide, -0.2 - 0.8 * scene.lightHeight, 1)
        lightDirection = lightVector / dot(lightVector, lightVector).squareRoot()
        lightIntensity = scene.lightIntensity
        halfVector = normalized(lightDirection + SIMD3(0, 0, 1))

        let skinSRGB = FacePalette.skin(tone: id.skinTone, undertone: id.skinUndertone)
        skin = linearColor(skinSRGB.x, skinSRGB.y, skinSRGB.z)
        // Lips: the skin tone pulled towards a muted rose, and a little darker.
        let lipSRGB = mix(skinSRGB, SIMD3(180, 90, 95), 0.35) * 0.88
        lips = linearColor(lipSRGB.x, lipSRGB.y, lipSRGB.z)
        let hairSRGB = FacePalette.hair(id.hairColor)
        hair = linearColor(hairSRGB.x, hairSRGB.y, hairSRGB.z)
        // Brows follow the hair but never vanish on light skin: darken light hair for them.
        let browSRGB = mix(hairSRGB, SIMD3(60, 45, 35), hairSRGB.x > 120 ? 0.4 : 0.1)
        brows = linearColor(browSRGB.x, browSRGB.y, browSRGB.z)
        let irisSRGB = FacePalette.iris(id.eyeColor)
        iris = linearColor(irisSRGB.x, irisSRGB.y, irisSRGB.z)
        let clothingSRGB = FacePalette.muted(hue: id.clothingHue, lightness: 0.2 + 0.5 * id.clothingHue, saturation: 0.5)
        clothing = linearColor(clothingSRGB.x, clothingSRGB.y, clothingSRGB.z)
        backgroundTop = linearColor(scene.backgroundTop.x, scene.backgroundTop.y, scene.backgroundTop.z)
        backgroundBottom = linearColor(scene.backgroundBottom.x, scene.backgroundBottom.y, scene.backgroundBottom.z)

        // Classical proportions: eyes halfway down the head, one eye-width apart.
        eyeX = 0.32 * id.eyeSpacing * id.faceWidth
        eyeY = 0.02
        eyeHalfWidth = 0.14 * id.eyeSize
        eyeHalfHeight = eyeHalfWidth * (0.42 + 0.22 * id.eyeRoundness)
        eyeOpenness = expression.eyeOpenness
        eyeTilt = 0.03 * id.eyeTilt
        gazeX = expression.gazeX; gazeY = expression.gazeY
        browY = eyeY - 0.2 - 0.07 * expression.browRaise
        browHalfWidth = 0.16 * id.eyeSize + 0.02
        browThickness = 0.022 + 0.03 * id.browThickness
        browArch = 0.015 + 0.05 * id.browArch
        browKnit = max(0, -expression.browRaise) * 0.04

        noseTopY = eyeY + 0.02
        noseTipY = 0.36 * id.noseLength + 0.02
        noseHalfWidth = 0.095 * id.noseWidth
        mouthY = noseTipY + 0.21 + 0.04 * id.faceLength
        mouthHalfWidth = 0.21 * id.mouthWidth * (1 + 0.12 * max(0, expression.smile))
        upperLip = 0.028 + 0.03 * id.lipFullness
        lowerLip = 0.04 + 0.035 * id.lipFullness
        smile = expression.smile
        mouthOpen = expression.mouthOpen
        earY = 0.2
        earHalfHeight = 0.17 * id.earSize

        hairStyle = id.hairStyle
        hairlineY = -0.58 + 0.3 * id.hairline
        hairVolume = id.hairVolume
        hairPartSide = id.hairPartSide
        facialHair = id.facialHair
        glasses = id.glasses
    }

    /// Half-width of the head at height t (crown −1 ... chin +1), before turning: a rounded
    /// dome above the eyes; below, a blend of an oval and a squarer jaw.
    @inline(__always) func headHalfWidth(_ t: Float) -> Float {
        let c = min(max(t, -1), 1)
        let c2 = c * c
        if c < 0 { return halfWidth * max(0, 1 - 0.5 * c2 - 0.5 * c2 * c2).squareRoot() }
        let c8 = c2 * c2 * c2 * c2
        let oval = 1 - c2, square = 1 - c8
        return halfWidth * max(0, mix(oval, square, 0.3 + 0.55 * jaw)).squareRoot()
    }
}
