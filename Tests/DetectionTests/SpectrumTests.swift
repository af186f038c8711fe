import Detection
import Engine
import Foundation
import Testing

@Suite struct SpectrumTests {
    /// The fast, matrix-product DFT against the definition's quadruple sum, on a rectangular
    /// random plane (rectangular so that swapped height and width would show).
    @Test func matrixProductTransformMatchesTheNaiveSum() throws {
        var generator = RandomGenerator(seed: 11)
        let height = 6, width = 10
        let plane = (0..<(height * width)).map { _ in generator.nextUniform() * 255 }
        let fast = try DiscreteFourierTransform.transform(plane, height: height, width: width)
        let naive = DiscreteFourierTransform.naiveTransform(plane, height: height, width: width)
        expectClose(fast.real, naive.real, tolerance: 1e-5, relative: true)
        expectClose(fast.imaginary, naive.imaginary, tolerance: 1e-5, relative: true)
    }

    /// F[0, 0] is the sum of all values: the one entry known without the transform.
    @Test func zeroFrequencyIsTheSum() throws {
        let plane: [Float] = [1, 2, 3, 4, 5, 6]
        let (real, imaginary) = try DiscreteFourierTransform.transform(plane, height: 2, width: 3)
        #expect(abs(real[0] - 21) < 1e-4)
        #expect(abs(imaginary[0]) < 1e-4)
    }

    /// cos(2π·(3x + 5y)/32) holds exactly two frequencies, (u, v) = (5, 3) and (−5, −3); centred,
    /// they sit at (16 ± 5, 16 ± 3) and nowhere else is there power.
    @Test func pureCosinePeaksWhereItMust() throws {
        let size = 32
        let plane = (0..<(size * size)).map { index -> Float in
            let y = index / size, x = index % size
            return 100 * Float(cos(2 * Double.pi * Double(3 * x + 5 * y) / Double(size)))
        }
        let spectrum = try PowerSpectrum(plane: plane, height: size, width: size)
        let peak = spectrum.decibels.max() ?? 0
        let peaks = spectrum.decibels.indices.filter { spectrum.decibels[$0] > peak - 1 }.map { [$0 / size, $0 % size] }
        #expect(peaks == [[11, 13], [21, 19]])
        // |F| = 100 · 32² / 2 at each peak: 10·log10(51200²) ≈ 94.2 dB.
        #expect(abs(peak - Float(20 * log10(51200.0))) < 0.01)
        // Everywhere else the power is rounding noise, far below.
        let secondLargest = spectrum.decibels.filter { $0 < peak - 1 }.max() ?? 0
        #expect(secondLargest < peak - 80)
    }

    /// The same cosine's energy is at distance √(3² + 5²) ≈ 5.8 from the centre: radius 6 of the
    /// azimuthal curve, which has 32/2 + 1 = 17 values.
    @Test func azimuthalAveragePeaksAtTheCosinesRadius() throws {
        let size = 32
        let plane = (0..<(size * size)).map { index -> Float in
            100 * Float(cos(2 * Double.pi * Double(3 * (index % size) + 5 * (index / size)) / Double(size)))
        }
        let curve = try PowerSpectrum(plane: plane, height: size, width: size).azimuthalAverage
        #expect(curve.count == 17)
        #expect(curve.firstIndex(of: curve.max() ?? 0) == 6)
    }

    /// A flat picture has all its power at the centre; the mean of a set equals the spectrum of
    /// any member when all members are the same picture.
    @Test func flatPicturePutsEverythingAtTheCentre() throws {
        let flat = grayPicture([Float](repeating: 128, count: 64), width: 8, height: 8)
        let spectrum = try PowerSpectrum(flat)
        let centre = spectrum.decibels[4 * 8 + 4]
        #expect(spectrum.decibels.enumerated().allSatisfy { $0.offset == 36 || $0.element < centre - 100 })
        expectClose(try PowerSpectrum.mean(of: [flat, flat, flat]).decibels, spectrum.decibels, tolerance: 1e-4)
    }

    @Test func meanRefusesEmptyAndMixedSets() throws {
        let small = grayPicture([Float](repeating: 0, count: 16), width: 4, height: 4)
        let large = grayPicture([Float](repeating: 0, count: 64), width: 8, height: 8)
        #expect(throws: DetectionError.noPictures(operation: "spectrum")) { try PowerSpectrum.mean(of: []) }
        let error = #expect(throws: DetectionError.self) { try PowerSpectrum.mean(of: [small, large]) }
        #expect(error?.description == "spectrum: all pictures must share one size: 4×4 and 8×8 differ")
    }
}
