import Foundation
import Imaging
import Testing
@testable import Detection

/// The compositing steps of a face swap: L*a*b* conversion, Reinhard colour transfer, the
/// landmark mask, and the blending-boundary score.
struct CompositingTests {
    // MARK: L*a*b*

    /// sRGB (D65) → CIELAB reference values, as given by Bruce Lindbloom's calculator and
    /// colormath/scikit-image (`skimage.color.rgb2lab`) for these byte colours.
    @Test(arguments: [
        ((255, 255, 255), (100.0, 0.0, 0.0)),
        ((0, 0, 0), (0.0, 0.0, 0.0)),
        ((255, 0, 0), (53.2408, 80.0925, 67.2032)),
        ((0, 255, 0), (87.7347, -86.1827, 83.1793)),
        ((0, 0, 255), (32.2970, 79.1875, -107.8602)),
        ((128, 128, 128), (53.5850, 0.0, 0.0)),
    ])
    func labMatchesReferenceValues(rgb: (Int, Int, Int), lab: (Double, Double, Double)) {
        let colour = LabColour(red: Double(rgb.0) / 255, green: Double(rgb.1) / 255, blue: Double(rgb.2) / 255)
        #expect(abs(colour.l - lab.0) < 0.01 && abs(colour.a - lab.1) < 0.01 && abs(colour.b - lab.2) < 0.01,
                "\(rgb) → (\(colour.l), \(colour.a), \(colour.b)), expected \(lab)")
    }

    @Test func labRoundTripReturnsEveryByteColour() {
        // Every 17th level of each channel: 16³ colours, the whole cube's corners included.
        var worst = 0.0
        for r in stride(from: 0, through: 255, by: 17) {
            for g in stride(from: 0, through: 255, by: 17) {
                for b in stride(from: 0, through: 255, by: 17) {
                    let back = LabColour(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255).rgb
                    worst = max(worst, abs(back.red * 255 - Double(r)), abs(back.green * 255 - Double(g)),
                                abs(back.blue * 255 - Double(b)))
                }
            }
        }
        #expect(worst < 1e-3, "largest round-trip error \(worst) levels")
    }

    // MARK: Colour transfer

    @Test func reinhardGivesTheFaceTheFramesStatisticsUnderTheMask() {
        let face = Self.pattern(seed: 1, base: (60, 40, 30), spread: 30)
        let frame = Self.pattern(seed: 2, base: (170, 150, 140), spread: 50)
        let mask = (0..<(16 * 16)).map { Float(($0 % 16) >= 4 && ($0 % 16) < 12 && ($0 / 16) >= 3 ? 1 : 0) }
        let matched = ColourTransfer.reinhard(face, to: frame, mask: mask)
        let want = ColourTransfer.statistics(frame, mask: mask), got = ColourTransfer.statistics(matched, mask: mask)
        for channel in 0..<3 {
            // Rounding to bytes moves the statistics a little; 0.5 L*a*b* units is below what eyes see.
            #expect(abs(got.mean[channel] - want.mean[channel]) < 0.5, "mean of channel \(channel): \(got.mean) vs \(want.mean)")
            #expect(abs(got.deviation[channel] - want.deviation[channel]) < 0.5,
                    "spread of channel \(channel): \(got.deviation) vs \(want.deviation)")
        }
        let before = ColourTransfer.statistics(face, mask: mask)
        #expect(abs(before.mean[0] - want.mean[0]) > 20, "the test needs faces of different lightness")
    }

    @Test func reinhardOfAPictureOntoItselfChangesNothing() {
        let face = Self.pattern(seed: 3, base: (120, 90, 80), spread: 40)
        let mask = [Float](repeating: 1, count: 16 * 16)
        let same = ColourTransfer.reinhard(face, to: face, mask: mask)
        let largest = zip(same.pixels, face.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(largest <= 1)
    }

    // MARK: The landmark mask

    /// A frontal face's landmarks in a 32×32 picture, as the manifest records them.
    static let frontal: [SIMD2<Float>] = [SIMD2(12.8, 14.6), SIMD2(19.2, 14.9), SIMD2(15.8, 18.4), SIMD2(13.6, 20.6), SIMD2(17.8, 20.8)]

    @Test func maskCoversEveryLandmarkAndLeavesTheCornersOut() {
        let mask = LandmarkMask.mask(landmarks: Self.frontal, size: 32)
        for point in Self.frontal {
            let value = mask[Int(point.y) * 32 + Int(point.x)]
            #expect(value > 0.99, "landmark \(point) has mask \(value)")
        }
        for corner in [0, 31, 31 * 32, 32 * 32 - 1] { #expect(mask[corner] == 0) }
        // Soft edge: some values strictly between 0 and 1.
        #expect(mask.contains { $0 > 0.05 && $0 < 0.95 })
        // The face, not the frame: between a tenth and a half of the picture.
        let area = mask.reduce(0, +) / Float(32 * 32)
        #expect(area > 0.1 && area < 0.5, "mask covers \(area) of the picture")
    }

    @Test func outlineIsTheConvexHullOfItsPoints() {
        let square: [SIMD2<Float>] = [SIMD2(0, 0), SIMD2(1, 0), SIMD2(1, 1), SIMD2(0, 1), SIMD2(0.5, 0.5), SIMD2(0.2, 0.7)]
        let hull = LandmarkMask.convexHull(square)
        #expect(hull == [SIMD2(0, 0), SIMD2(1, 0), SIMD2(1, 1), SIMD2(0, 1)])
        #expect(LandmarkMask.signedDistance(SIMD2(0.5, 0.5), to: hull) == 0.5)
        #expect(LandmarkMask.signedDistance(SIMD2(2, 0.5), to: hull) == -1)
        // Every landmark lies inside the face outline.
        let outline = LandmarkMask.outline(Self.frontal)
        for point in Self.frontal { #expect(LandmarkMask.signedDistance(point, to: outline) > 2) }
    }

    // MARK: The boundary score

    @Test func aSmoothedFaceInASharpFrameScoresHigherThanTheFrame() {
        // A frame full of fine detail; the "swap" is the same frame with the face region box-blurred,
        // as a decoder's smooth face pasted in through the mask.
        let frame = Self.pattern(seed: 4, base: (128, 128, 128), spread: 60, size: 32)
        let blurred = Self.boxBlurred(frame)
        let mask = LandmarkMask.mask(landmarks: Self.frontal, size: 32)
        let pasted = Blending.blend(blurred, into: frame, mask: mask)
        let real = BoundaryScore.score(frame, landmarks: Self.frontal)
        let fake = BoundaryScore.score(pasted, landmarks: Self.frontal)
        #expect(abs(real) < 0.3, "a picture with the same detail everywhere scores near 0, got \(real)")
        #expect(fake > real + 0.5, "blended \(fake) vs real \(real)")
    }

    // MARK: Helpers

    /// A deterministic RGB picture of noise around a colour.
    static func pattern(seed: UInt64, base: (Int, Int, Int), spread: Int, size: Int = 16) -> Image {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var pixels = [UInt8]()
        for _ in 0..<(size * size) {
            for channel in [base.0, base.1, base.2] {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                let offset = Int(state % UInt64(2 * spread + 1)) - spread
                pixels.append(UInt8(min(max(channel + offset, 0), 255)))
            }
        }
        return Image(width: size, height: size, channels: 3, pixels: pixels)
    }

    /// A 3×3 box blur (edges clamped).
    static func boxBlurred(_ image: Image) -> Image {
        var result = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                for channel in 0..<3 {
                    var sum = 0
                    for dy in -1...1 {
                        for dx in -1...1 {
                            sum += Int(image[min(max(x + dx, 0), image.width - 1), min(max(y + dy, 0), image.height - 1), channel])
                        }
                    }
                    result[x, y, channel] = UInt8(sum / 9)
                }
            }
        }
        return result
    }
}

/// The seam measure: how differently the colour changes across a mask's edge than in the frame.
struct SeamContrastTests {
    /// An 8 × 8 picture, left half one colour and right half another.
    static func split(_ left: (UInt8, UInt8, UInt8), _ right: (UInt8, UInt8, UInt8)) -> Image {
        var pixels = [UInt8]()
        for index in 0..<64 {
            let colour = index % 8 < 4 ? left : right
            pixels += [colour.0, colour.1, colour.2]
        }
        return Image(width: 8, height: 8, channels: 3, pixels: pixels)
    }

    /// 1 on the left half, 0 on the right: the edge runs down the middle.
    static let leftHalf = (0..<64).map { Float($0 % 8 < 4 ? 1 : 0) }

    static func lab(_ colour: (Double, Double, Double)) -> LabColour {
        LabColour(red: colour.0 / 255, green: colour.1 / 255, blue: colour.2 / 255)
    }

    @Test func aFacePastedIntoAFlatFrameScoresTheColourDistanceAcrossTheEdge() throws {
        let frame = Self.split((90, 60, 40), (90, 60, 40))
        let pasted = Self.split((200, 150, 120), (90, 60, 40))
        let expected = SeamContrast.distance(Self.lab((200, 150, 120)), Self.lab((90, 60, 40)))
        let measured = try #require(SeamContrast.measure(pasted, frame: frame, mask: Self.leftHalf))
        #expect(abs(measured - expected) < 1e-9, "\(measured) vs \(expected)")
        #expect(expected > 30, "the test needs two plainly different colours")
    }

    @Test func theUntouchedFrameScoresZeroWhateverEdgesItHas() throws {
        let frame = Self.split((200, 150, 120), (30, 90, 160))
        #expect(try #require(SeamContrast.measure(frame, frame: frame, mask: Self.leftHalf)) == 0)
    }

    @Test func aMaskWithoutAnEdgeHasNoSeamToMeasure() {
        let frame = Self.split((200, 150, 120), (90, 60, 40))
        #expect(SeamContrast.measure(frame, frame: frame, mask: [Float](repeating: 1, count: 64)) == nil)
        #expect(SeamContrast.measure(frame, frame: frame, mask: [Float](repeating: 0, count: 64)) == nil)
    }

    @Test func distanceIsEuclideanInLab() {
        let first = LabColour(l: 50, a: 10, b: -5), second = LabColour(l: 47, a: 14, b: -5)
        #expect(SeamContrast.distance(first, second) == 5)
    }

    @Test func blendingThroughASoftEdgeLowersTheSeamAndColourMatchingLowersItFurther() throws {
        let face = Self.split((200, 150, 120), (200, 150, 120))
        let frame = Self.split((90, 60, 40), (90, 60, 40))
        // A soft edge: the weight falls 1, 0.75, 0.5, 0.25, 0 across the middle columns.
        let soft = (0..<64).map { index -> Float in min(1, max(0, Float(5 - index % 8) * 0.25)) }
        let pasted = try #require(SeamContrast.measure(Blending.blend(face, into: frame, mask: Self.leftHalf),
                                                       frame: frame, mask: Self.leftHalf))
        let blended = try #require(SeamContrast.measure(Blending.blend(face, into: frame, mask: soft), frame: frame, mask: soft))
        let matchedFace = ColourTransfer.reinhard(face, to: frame, mask: soft)
        let matched = try #require(SeamContrast.measure(Blending.blend(matchedFace, into: frame, mask: soft),
                                                        frame: frame, mask: soft))
        #expect(blended < pasted / 2, "blended \(blended), pasted \(pasted)")
        #expect(matched < 1, "matched \(matched): a flat face matched to a flat frame takes the frame's colour")
    }
}
