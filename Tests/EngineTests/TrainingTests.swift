import Foundation
import Testing
@testable import Engine

/// End-to-end learning: the layers, losses, autodiff and optimisers together must actually fit
/// data. Fixed seeds and step counts, so these are deterministic, not flaky.
struct TrainingTests {
    /// Trains `model` full-batch with BCE on logits and Adam; returns the final accuracy.
    static func train(_ model: Sequential, inputs: Tensor, labels: [Float], steps: Int,
                      learningRate: Float) throws -> Float {
        let targets = Tensor(shape: [labels.count, 1], data: labels)
        let optimizer = try Adam(model.namedParameters(), learningRate: learningRate)
        for _ in 0..<steps {
            optimizer.zeroGrad()
            let loss = try binaryCrossEntropyWithLogits(try model(inputs), targets)
            try loss.backward()
            optimizer.step()
        }
        let logits = try GradientMode.withoutGradients { try model(inputs) }
        let correct = zip(logits.data, labels).filter { ($0 > 0) == ($1 > 0.5) }.count
        return Float(correct) / Float(labels.count)
    }

    /// XOR is the classic problem no single linear layer can solve: it needs the hidden layer.
    @Test func mlpLearnsXOR() throws {
        let inputs = try Tensor(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
        let model = try Random.withSeed(42) { Sequential(try Linear(2, 8), Tanh(), try Linear(8, 1)) }
        let accuracy = try Self.train(model, inputs: inputs, labels: [0, 1, 1, 0], steps: 300, learningRate: 0.05)
        #expect(accuracy == 1)
    }

    /// Two interleaved half-moons with noise (scikit-learn's `make_moons`, generated here).
    static func twoMoons(count: Int, noise: Float, seed: UInt64) -> (inputs: Tensor, labels: [Float]) {
        var generator = RandomGenerator(seed: seed)
        var points: [Float] = [], labels: [Float] = []
        for i in 0..<count {
            let upper = i % 2 == 0
            let angle = Float.pi * generator.nextUniform()
            let x = upper ? cosf(angle) : 1 - cosf(angle)
            let y = upper ? sinf(angle) : 0.5 - sinf(angle)
            points += [x + noise * generator.nextNormal(), y + noise * generator.nextNormal()]
            labels.append(upper ? 0 : 1)
        }
        return (Tensor(shape: [count, 2], data: points), labels)
    }

    @Test func mlpSeparatesTwoMoons() throws {
        let (inputs, labels) = Self.twoMoons(count: 200, noise: 0.1, seed: 7)
        let model = try Random.withSeed(1) {
            Sequential(try Linear(2, 16), ReLU(), try Linear(16, 16), ReLU(), try Linear(16, 1))
        }
        let accuracy = try Self.train(model, inputs: inputs, labels: labels, steps: 400, learningRate: 0.02)
        #expect(accuracy > 0.95, "accuracy \(accuracy)")
    }

    /// One seed, two runs: bit-identical parameters (initialisation, dropout masks and updates all
    /// come from the seeded stream).
    @Test func sameSeedGivesBitIdenticalParameters() throws {
        let (inputs, labels) = Self.twoMoons(count: 64, noise: 0.1, seed: 3)
        func run() throws -> [[Float]] {
            try Random.withSeed(2024) {
                let model = Sequential(try Linear(2, 8), ReLU(), try Dropout(p: 0.1), try Linear(8, 1))
                _ = try Self.train(model, inputs: inputs, labels: labels, steps: 20, learningRate: 0.01)
                return model.namedParameters().map(\.tensor.data)
            }
        }
        let first = try run(), second = try run()
        #expect(first == second)
        let other = try Random.withSeed(2025) { try Linear(2, 8).weight.data }
        #expect(other != first[0])
    }

    /// SGD with momentum also fits a small softmax classifier (three separable blobs).
    @Test func sgdMomentumTrainsSoftmaxClassifier() throws {
        var generator = RandomGenerator(seed: 5)
        let centres: [(Float, Float)] = [(0, 2), (2, -1), (-2, -1)]
        var points: [Float] = [], labels: [Int] = []
        for i in 0..<90 {
            let (cx, cy) = centres[i % 3]
            points += [cx + 0.3 * generator.nextNormal(), cy + 0.3 * generator.nextNormal()]
            labels.append(i % 3)
        }
        let inputs = Tensor(shape: [90, 2], data: points)
        let model = try Random.withSeed(3) { Sequential(try Linear(2, 16), ReLU(), try Linear(16, 3)) }
        let optimizer = try SGD(model.namedParameters(), learningRate: 0.1, momentum: 0.9)
        var firstLoss: Float = 0, lastLoss: Float = 0
        for step in 0..<50 {
            optimizer.zeroGrad()
            let loss = try softmaxCrossEntropy(try model(inputs), labels: labels)
            try loss.backward()
            clipGradientNorm(model.namedParameters().map(\.tensor), maxNorm: 5)
            optimizer.step()
            if step == 0 { firstLoss = loss.item }
            lastLoss = loss.item
        }
        #expect(lastLoss < 0.05 * firstLoss, "loss \(firstLoss) → \(lastLoss)")
    }
}
