import Testing
import TestSupport
@testable import Engine

/// Each initialiser gives the standard deviation its formula promises, for a large tensor
/// (sampling error about 1%), with fans computed as PyTorch does.
struct InitializerTests {
    @Test(arguments: [([3, 4], 4, 3), ([8, 3, 5, 5], 75, 200), ([2, 6, 1], 6, 2)] as [([Int], Int, Int)])
    func fans(shape: [Int], fanIn: Int, fanOut: Int) throws {
        let fans = try Init.fans(shape)
        #expect(fans.fanIn == fanIn && fans.fanOut == fanOut)
    }

    @Test func fansNeedTwoDimensions() {
        let error = #expect(throws: EngineError.self) { try Init.xavierUniform(try Tensor.zeros([5])) }
        #expect(error?.description ==
            "init: fan in and fan out cannot be computed for a tensor of shape [5] (it needs at least 2 dimensions)")
    }

    /// (name, fill, expected std) for a weight of shape [200, 300]: fanIn 300, fanOut 200.
    static let schemes: [(String, (Tensor, inout RandomGenerator) throws -> Void, Float)] = [
        ("kaimingNormal relu", { try Init.kaimingNormal($0, nonlinearity: .relu, using: &$1) }, (2 / 300 as Float).squareRoot()),
        ("kaimingUniform relu", { try Init.kaimingUniform($0, nonlinearity: .relu, using: &$1) }, (2 / 300 as Float).squareRoot()),
        ("kaimingNormal fanOut", { try Init.kaimingNormal($0, mode: .fanOut, nonlinearity: .relu, using: &$1) },
         (2 / 200 as Float).squareRoot()),
        ("kaimingUniform a=√5", { try Init.kaimingUniform($0, a: Float(5).squareRoot(), using: &$1) },
         1 / (300 as Float).squareRoot() / Float(3).squareRoot()),
        ("xavierNormal", { try Init.xavierNormal($0, using: &$1) }, (2 / 500 as Float).squareRoot()),
        ("xavierUniform tanh gain", { try Init.xavierUniform($0, gain: Init.Nonlinearity.tanh.gain, using: &$1) },
         5 / 3 * (2 / 500 as Float).squareRoot()),
        ("DCGAN normal(0, 0.02)", { Init.normal($0, mean: 0, std: 0.02, using: &$1) }, 0.02),
    ]

    @Test(arguments: schemes)
    func standardDeviationMatchesFormula(name: String, fill: (Tensor, inout RandomGenerator) throws -> Void,
                                         expected: Float) throws {
        let weight = try Tensor.zeros([200, 300])
        var generator = RandomGenerator(seed: 11)
        try fill(weight, &generator)
        let std = standardDeviation(weight.data)
        #expect(Swift.abs(std - expected) / expected < 0.02, "\(name): std \(std), expected \(expected)")
        #expect(Swift.abs(weight.statistics.mean) < 0.02 * expected * 10, "\(name): mean \(weight.statistics.mean)")
    }

    @Test func gains() {
        #expect(Init.Nonlinearity.relu.gain == Float(2).squareRoot())
        #expect(Init.Nonlinearity.tanh.gain == Float(5) / 3)
        // Leaky ReLU with slope √5 (Linear's default) has gain √(2/6) = √(1/3).
        expectClose([Init.Nonlinearity.leakyRelu(negativeSlope: Float(5).squareRoot()).gain], [(1 / 3 as Float).squareRoot()])
    }
}
