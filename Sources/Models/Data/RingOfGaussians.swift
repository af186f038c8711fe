import Engine
import Foundation

/// The 2-D toy that GAN papers use to show mode collapse: `modes` small Gaussian blobs evenly
/// spaced on a circle (Metz et al., "Unrolled generative adversarial networks", 2017, used 8 on a
/// circle of radius 2). Each blob is a "mode" — a kind of sample the data has. A generator that
/// produces only some of them has collapsed, however good each sample looks.
public struct RingOfGaussians: Sendable {
    public let modes: Int
    /// Distance of each blob's centre from the origin.
    public let radius: Float
    /// Standard deviation σ of each blob.
    public let standardDeviation: Float

    public init(modes: Int = 8, radius: Float = 2, standardDeviation: Float = 0.05) {
        self.modes = modes
        self.radius = radius
        self.standardDeviation = standardDeviation
    }

    /// The blobs' centres, anticlockwise from (radius, 0).
    public var centres: [(x: Float, y: Float)] {
        (0..<modes).map { index in
            let angle = 2 * Float.pi * Float(index) / Float(modes)
            return (radius * Foundation.cos(angle), radius * Foundation.sin(angle))
        }
    }

    /// `count` points `[count, 2]`: a blob picked uniformly, plus Gaussian noise of σ.
    public func sample(_ count: Int, using generator: inout RandomGenerator) -> Tensor {
        let centres = self.centres
        var data: [Float] = []
        data.reserveCapacity(count * 2)
        for _ in 0..<count {
            let centre = centres[Int(generator.next() % UInt64(modes))]
            data.append(centre.x + standardDeviation * generator.nextNormal())
            data.append(centre.y + standardDeviation * generator.nextNormal())
        }
        return Tensor(shape: [count, 2], data: data)
    }

    /// Which modes `points` (`[N, 2]`) land on. A point is on a mode when it lies within 3σ of
    /// that blob's centre (99% of a 2-D Gaussian's own samples do: the chance of falling
    /// outside is e^(−9/2) ≈ 1.1%); a mode is covered when at least 1 in 100 points is on it,
    /// so that a few stray points passing by do not count as having learned it.
    public func coverage(of points: Tensor) -> ModeCoverage {
        let centres = self.centres
        let zone = 3 * standardDeviation
        var counts = Array(repeating: 0, count: modes)
        let count = points.shape.first ?? 0
        for index in 0..<count {
            let x = points.data[2 * index], y = points.data[2 * index + 1]
            for (mode, centre) in centres.enumerated() {
                let dx = x - centre.x, dy = y - centre.y
                if dx * dx + dy * dy <= zone * zone { counts[mode] += 1; break }
            }
        }
        return ModeCoverage(counts: counts, samples: count)
    }
}

/// How many of the ring's modes a set of samples covers, and how many samples are on any mode.
public struct ModeCoverage: Equatable, Sendable {
    /// Samples within 3σ of each mode, anticlockwise from (radius, 0).
    public let counts: [Int]
    public let samples: Int

    /// Modes with at least 1% of the samples on them.
    public var covered: Int { counts.filter { $0 * 100 >= max(samples, 1) }.count }
    /// The share of samples that are on some mode (the rest fall between the blobs).
    public var onModes: Double { samples == 0 ? 0 : Double(counts.reduce(0, +)) / Double(samples) }

    /// `7 of 8 modes covered; 93% of samples on a mode`.
    public var summary: String {
        "\(covered) of \(counts.count) modes covered; \(Int((onModes * 100).rounded()))% of samples on a mode"
    }
}
