/// The widest values the renderer accepts. A lesson may let learners type attributes, and
/// a face turned 90° or an eye of size 10 would divide by zero or leave the picture; such
/// values are pulled back to these limits (NaN becomes the neutral value) instead of
/// crashing. The random ranges of the datasets lie well inside them.
extension FaceAttributes {
    func withinRenderingLimits() -> FaceAttributes {
        func limit(_ value: inout Float, _ range: ClosedRange<Float>, neutral: Float) {
            value = value.isNaN ? neutral : min(max(value, range.lowerBound), range.upperBound)
        }
        func unit(_ value: inout Float) { limit(&value, 0...1, neutral: 0.5) }
        func signed(_ value: inout Float) { limit(&value, -1...1, neutral: 0) }
        func scale(_ value: inout Float, _ spread: Float) { limit(&value, (1 - spread)...(1 + spread), neutral: 1) }
        var a = self
        scale(&a.identity.faceWidth, 0.3); scale(&a.identity.faceLength, 0.2); unit(&a.identity.jawSquareness)
        unit(&a.identity.skinTone); signed(&a.identity.skinUndertone); unit(&a.identity.hairVolume)
        unit(&a.identity.hairline); signed(&a.identity.hairPartSide); scale(&a.identity.eyeSize, 0.4)
        scale(&a.identity.eyeSpacing, 0.2); unit(&a.identity.eyeRoundness); signed(&a.identity.eyeTilt)
        unit(&a.identity.browThickness); unit(&a.identity.browArch); scale(&a.identity.noseLength, 0.3)
        scale(&a.identity.noseWidth, 0.5); scale(&a.identity.mouthWidth, 0.3); unit(&a.identity.lipFullness)
        scale(&a.identity.earSize, 0.3); unit(&a.identity.clothingHue)
        signed(&a.expression.smile); unit(&a.expression.mouthOpen); signed(&a.expression.browRaise)
        unit(&a.expression.eyeOpenness); signed(&a.expression.gazeX); signed(&a.expression.gazeY)
        limit(&a.pose.yaw, -60...60, neutral: 0); limit(&a.pose.roll, -45...45, neutral: 0)
        limit(&a.pose.pitch, -20...20, neutral: 0)
        signed(&a.scene.lightSide); unit(&a.scene.lightHeight); limit(&a.scene.lightIntensity, 0...2, neutral: 1)
        for channel in 0..<3 {
            limit(&a.scene.backgroundTop[channel], 0...255, neutral: 128)
            limit(&a.scene.backgroundBottom[channel], 0...255, neutral: 128)
        }
        return a
    }
}
