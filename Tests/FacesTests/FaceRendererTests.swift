import Foundation
import Imaging
import Testing
@testable import Faces

@Suite struct FaceRendererTests {
    @Test(arguments: [0, 1, 77, 123_456] as [UInt64])
    func sameSeedGivesSamePixels(seed: UInt64) {
        let first = FaceRenderer.render(.random(seed: seed), size: 32, supersampling: 2)
        let second = FaceRenderer.render(.random(seed: seed), size: 32, supersampling: 2)
        #expect(first == second)
        #expect(FaceAttributes.random(seed: seed) == FaceAttributes.random(seed: seed))
    }

    /// Golden hashes of two renders, recorded on x86-64 Linux when the renderer was written.
    /// The renderer uses only IEEE-exact arithmetic, so any machine must reproduce them; if
    /// you change how faces look on purpose, update these and regenerate datasets-small/.
    @Test func rendersMatchRecordedHashes() {
        #expect(FNV1a64.hash(FaceRenderer.render(.random(seed: 0), size: 32, supersampling: 2).pixels) == Self.goldenSeed0)
        #expect(FNV1a64.hash(FaceRenderer.render(FacePair.attributes(FacePair.personB, momentSeed: 5), size: 64).pixels) == Self.goldenPairB5)
    }
    static let goldenSeed0: UInt64 = 4_621_888_792_743_730_143
    static let goldenPairB5: UInt64 = 13_830_620_684_669_719_810

    @Test func differentPeopleLookDifferent() {
        let faces = (0..<UInt64(8)).map { FaceRenderer.render(.random(seed: $0), size: 32) }
        for i in 0..<faces.count {
            for j in (i + 1)..<faces.count { #expect(ImageQuality.psnr(faces[i], faces[j]) < 25) }
        }
    }

    /// Person A in another moment is more like person A than person B in the same moment:
    /// the identity shows through expression, pose and light. Compared on the face centre
    /// with the background and light fixed, so only identity and expression differ.
    @Test func pairIdentitiesAreDistinctAndStable() {
        func face(_ person: FaceIdentity, smile: Float, yaw: Float) -> Image {
            var a = FacePair.attributes(person, momentSeed: 1)
            a.expression.smile = smile
            a.pose = FacePose(yaw: yaw, roll: 0, pitch: 0)
            return FaceRenderer.render(a, size: 64).cropped(x: 16, y: 12, width: 32, height: 40)
        }
        let aSmiling = face(FacePair.personA, smile: 1, yaw: -10), aFrowning = face(FacePair.personA, smile: -0.6, yaw: 10)
        let bSmiling = face(FacePair.personB, smile: 1, yaw: -10)
        #expect(ImageQuality.psnr(aSmiling, aFrowning) > ImageQuality.psnr(aSmiling, bSmiling) + 3)
    }

    /// Every random attribute stays inside the range its documentation promises.
    @Test(arguments: Array(0..<UInt64(200)))
    func randomAttributesStayInTheirRanges(seed: UInt64) {
        let a = FaceAttributes.random(seed: seed), id = a.identity
        let unitRanged: [Float] = [id.jawSquareness, id.skinTone, id.hairVolume, id.hairline, id.eyeRoundness,
                                   id.browThickness, id.browArch, id.lipFullness, id.clothingHue,
                                   a.expression.mouthOpen, a.expression.eyeOpenness, a.scene.lightHeight]
        #expect(unitRanged.allSatisfy { (0...1).contains($0) })
        let signedRanged: [Float] = [id.skinUndertone, id.hairPartSide, id.eyeTilt, a.expression.smile,
                                     a.expression.browRaise, a.expression.gazeX, a.expression.gazeY, a.scene.lightSide]
        #expect(signedRanged.allSatisfy { (-1...1).contains($0) })
        #expect((0.88...1.12).contains(id.faceWidth) && (0.92...1.08).contains(id.faceLength))
        #expect((0.85...1.15).contains(id.eyeSize) && (0.92...1.08).contains(id.eyeSpacing))
        #expect((0.88...1.12).contains(id.noseLength) && (0.8...1.25).contains(id.noseWidth))
        #expect((0.85...1.15).contains(id.mouthWidth) && (0.85...1.15).contains(id.earSize))
        #expect(FacePose.yawRange.contains(a.pose.yaw) && FacePose.rollRange.contains(a.pose.roll)
                && FacePose.pitchRange.contains(a.pose.pitch))
        #expect((0.6...1.3).contains(a.scene.lightIntensity))
        for color in [a.scene.backgroundTop, a.scene.backgroundBottom] {
            #expect([color.x, color.y, color.z].allSatisfy { (0...255).contains($0) })
        }
        // Landmarks land inside the picture, eyes above the nose, nose above the mouth.
        let marks = FaceLandmarks(a, size: 32)
        #expect(marks.points.allSatisfy { (0...32).contains($0.x) && (0...32).contains($0.y) })
        #expect(marks.leftEye.x < marks.rightEye.x && marks.mouthLeft.x < marks.mouthRight.x)
        #expect(max(marks.leftEye.y, marks.rightEye.y) < marks.noseTip.y + 2 && marks.noseTip.y < marks.mouthLeft.y + 2)
    }

    @Test(arguments: [-3.0, -1.5, 0, 0.3, 1, 2.5, 7] as [Float])
    func portableSineMatchesTheLibrary(angle: Float) {
        #expect(abs(PortableMath.sin(angle) - Float(Foundation.sin(Double(angle)))) < 1e-5)
        #expect(abs(PortableMath.cos(angle) - Float(Foundation.cos(Double(angle)))) < 1e-5)
        for (x, y) in [(1, 0.3), (-0.2, 0.9), (-1, -0.1), (0.4, -2)] as [(Float, Float)] where angle != 0 {
            #expect(abs(PortableMath.atan2(y * angle, x) - Float(Foundation.atan2(Double(y * angle), Double(x)))) < 0.002)
        }
    }

    @Test func renderingHasTheRequestedSize() {
        for (size, supersampling) in [(32, 2), (64, 1), (96, 1)] {
            let image = FaceRenderer.render(.random(seed: 9), size: size, supersampling: supersampling)
            #expect(image.width == size && image.height == size && image.channels == 3)
        }
    }

    /// Values a learner might type, far outside the ranges (or not numbers at all), still
    /// give a picture instead of a crash.
    @Test(arguments: [Float.nan, -1000, 1000, .infinity, 0])
    func extremeAttributesStillRender(value: Float) {
        var a = FaceAttributes.random(seed: 5)
        a.identity.faceWidth = value; a.identity.eyeSize = value; a.identity.noseWidth = value
        a.expression.smile = value; a.expression.mouthOpen = value; a.expression.gazeX = value
        a.pose = FacePose(yaw: value, roll: value, pitch: value)
        a.scene.lightIntensity = value; a.scene.backgroundTop = SIMD3(repeating: value)
        let image = FaceRenderer.render(a, size: 32)
        #expect(image.width == 32)
        _ = FaceLandmarks(a, size: 32)
    }
}
