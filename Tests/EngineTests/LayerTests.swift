import Testing
import TestSupport
@testable import Engine

/// Layers: gradients through the shared finite-difference harness, PyTorch's initialisation,
/// printing, and the error messages a learner sees.
struct LayerTests {
    @Test(arguments: [(1, 3, 2, true), (4, 5, 3, true), (3, 7, 1, false)] as [(Int, Int, Int, Bool)])
    func linearGradients(batch: Int, inFeatures: Int, outFeatures: Int, bias: Bool) throws {
        let linear = try Random.withSeed(1) { try Linear(inFeatures, outFeatures, bias: bias) }
        let x = sample([batch, inFeatures], seed: 2)
        // The weight and bias are passed as inputs so the harness perturbs and checks them too.
        try checkGradients("Linear", inputs: [x] + linear.parameters.map(\.tensor)) { inputs in
            try linear(inputs[0])
        }
    }

    @Test func linearAcceptsLeadingAxesAndVectors() throws {
        let linear = try Random.withSeed(1) { try Linear(4, 3) }
        #expect(try linear(sample([2, 5, 4])).shape == [2, 5, 3])
        #expect(try linear(sample([4])).shape == [3])
        try checkGradients("Linear [2, 2, 4]", inputs: [sample([2, 2, 4]), linear.weight]) { try linear($0[0]) }
    }

    /// PyTorch's default: weight and bias both U(−1/√in, 1/√in); a uniform's std is bound/√3.
    @Test func linearInitialisationMatchesPyTorchDefault() throws {
        let linear = try Random.withSeed(3) { try Linear(400, 300) }
        let bound: Float = 1 / 20
        #expect(linear.weight.shape == [300, 400] && linear.bias?.shape == [300])
        #expect(linear.weight.data.allSatisfy { Swift.abs($0) <= bound })
        #expect(linear.bias!.data.allSatisfy { Swift.abs($0) <= bound })
        let std = standardDeviation(linear.weight.data)
        #expect(Swift.abs(std - bound / Float(3).squareRoot()) < 0.01 * bound)
        #expect(linear.namedParameters().map(\.name) == ["weight", "bias"])
        #expect(try Linear(3, 2, bias: false).parameterCount == 6)
    }

    /// Every shape-agnostic layer, at several shapes. Inputs stay away from 0, where the kinked
    /// activations (ReLU, LeakyReLU) have no derivative for the finite difference to find.
    @Test(arguments: [[5], [2, 3], [2, 3, 2], [1, 2, 2, 3]] as [[Int]])
    func shapeAgnosticLayerGradients(shape: [Int]) throws {
        let magnitudes = sample(shape, seed: 5, low: 0.2, high: 3)
        let signs = sample(shape, seed: 6)
        let x = Tensor(shape: shape, data: zip(magnitudes.data, signs.data).map { $1 < 0 ? -$0 : $0 })
        var layers: [any Layer] = [ReLU(), LeakyReLU(negativeSlope: 0.2), Sigmoid(), Tanh(), Softplus(), try Dropout(p: 0.3)]
        if shape.count >= 2 { layers += [Flatten(), try Reshape([-1])] }
        for layer in layers {
            // Dropout's mask comes from a fixed seed, so every evaluation drops the same elements.
            try checkGradients("\(layer) at \(shape)", inputs: [x.detached()]) { inputs in
                try Random.withSeed(9) { try layer(inputs[0]) }
            }
        }
        expectClose(try LeakyReLU()(Tensor([-2, 3])).data, [-0.02, 3])  // PyTorch's default slope 0.01
    }

    @Test func flattenAndReshape() throws {
        let image = sample([2, 3, 4, 5])
        #expect(try Flatten()(image).shape == [2, 60])
        #expect(try Flatten(startDim: 2)(image).shape == [2, 3, 20])
        #expect(try Reshape([3, 20])(image).shape == [2, 3, 20])
        #expect(try Reshape([-1, 4])(sample([2, 12])).shape == [2, 3, 4])
        try checkGradients("Flatten", inputs: [sample([2, 3, 2])]) { try Flatten()($0[0]) }
        try checkGradients("Reshape", inputs: [sample([2, 6])]) { try Reshape([3, 2])($0[0]) }
        expectError("Reshape: [0, 3] is not a valid shape: sizes must be positive, with at most one −1 to infer") {
            try Reshape([0, 3])
        }
    }

    @Test func dropoutScalesInTrainingAndIsIdentityInEval() throws {
        let dropout = try Dropout(p: 0.25)
        let x = try Tensor.ones([100, 100])
        let y = try Random.withSeed(4) { try dropout(x) }
        let kept = y.data.filter { $0 != 0 }
        // Inverted dropout: survivors are scaled by 1/(1 − p), so the mean stays near 1.
        #expect(kept.allSatisfy { $0 == 1 / 0.75 })
        #expect(Swift.abs(Float(kept.count) / 10_000 - 0.75) < 0.02)
        #expect(Swift.abs(y.statistics.mean - 1) < 0.03)
        dropout.eval()
        #expect(try dropout(x) === x)
        #expect(try Dropout(p: 1)(x).data.allSatisfy { $0 == 0 })
        expectError("Dropout: p, the chance of dropping each value, must be between 0 and 1 (got 1.5)") { try Dropout(p: 1.5) }
    }

    @Test func sequentialNamesPrintsAndRecurses() throws {
        let model = try Random.withSeed(5) {
            Sequential(try Linear(784, 256), ReLU(), try Dropout(p: 0.2), try Linear(256, 10))
        }
        #expect(model.description == """
            Sequential(
              (0): Linear(in_features=784, out_features=256, bias=True)
              (1): ReLU()
              (2): Dropout(p=0.2)
              (3): Linear(in_features=256, out_features=10, bias=True)
            )
            """)
        #expect(model.stateDict().map(\.name) == ["0.weight", "0.bias", "3.weight", "3.bias"])
        #expect(model.parameterCount == 784 * 256 + 256 + 256 * 10 + 10)
        model.eval()
        #expect(!model[2].isTraining)
        model.train()
        #expect(model[2].isTraining)
        model.append(Sigmoid())
        #expect(model.count == 5 && model[4] is Sigmoid)
        #expect(try model(sample([2, 784])).shape == [2, 10])

        let nested = Sequential([Sequential(ReLU()), Tanh()])
        #expect(nested.description == """
            Sequential(
              (0): Sequential(
                (0): ReLU()
              )
              (1): Tanh()
            )
            """)
    }

    static let descriptions: [(any Layer, String)] = [
        (try! Linear(3, 2, bias: false), "Linear(in_features=3, out_features=2, bias=False)"),
        (LeakyReLU(negativeSlope: 0.2), "LeakyReLU(negative_slope=0.2)"),
        (Sigmoid(), "Sigmoid()"), (Tanh(), "Tanh()"), (Softplus(), "Softplus()"),
        (Flatten(), "Flatten(start_dim=1, end_dim=-1)"),
        (try! Reshape([128, 7, 7]), "Reshape(128, 7, 7)"),
        (try! Dropout(), "Dropout(p=0.5)"),
        (Sequential(), "Sequential()"),
    ]

    /// Layers print as PyTorch's do, so a learner can compare `print(model)` side by side.
    @Test(arguments: descriptions)
    func printsLikePyTorch(layer: any Layer, text: String) {
        #expect(layer.description == text)
    }

    /// A whole MLP through the harness: gradients of the input and of every parameter.
    @Test(arguments: [1, 3])
    func mlpGradients(batch: Int) throws {
        let model = try Random.withSeed(8) {
            Sequential(try Linear(4, 6), Tanh(), try Linear(6, 5), Sigmoid(), try Linear(5, 2))
        }
        try checkGradients("MLP", inputs: [sample([batch, 4], seed: 3)] + model.namedParameters().map(\.tensor)) {
            try model($0[0])
        }
    }

    static let errorCases: [(String, any Layer, [Int], String)] = [
        ("Linear", try! Linear(784, 256), [64, 1024],
         "Linear expects 784 input features but got 1024 (input shape [64, 1024])"),
        ("Flatten", Flatten(), [5],
         "Flatten expects at least 2 dimensions but got 1 (input shape [5])"),
        ("Reshape", try! Reshape([1, 28, 28]), [8, 100],
         "Reshape(1, 28, 28) expects 784 values per sample but got 100 (input shape [8, 100])"),
        ("Sequential", Sequential(try! Linear(784, 256), ReLU(), try! Linear(128, 10)), [4, 784],
         "layer 2 (Linear(in_features=128, out_features=10, bias=True)): "
            + "Linear expects 128 input features but got 256 (input shape [4, 256])"),
        ("nested Sequential", Sequential(Flatten(), Sequential(ReLU(), try! Linear(3, 1))), [2, 2, 2],
         "layer 1 (Sequential): layer 1 (Linear(in_features=3, out_features=1, bias=True)): "
            + "Linear expects 3 input features but got 4 (input shape [2, 4])"),
    ]

    @Test(arguments: errorCases)
    func wrongInputShapeMessages(name: String, layer: any Layer, shape: [Int], message: String) throws {
        let error = #expect(throws: EngineError.self) { try layer(try Tensor.zeros(shape)) }
        #expect(error?.description == message, "\(name)")
    }
}

/// The standard deviation, in double, of a sample.
func standardDeviation(_ values: [Float]) -> Float {
    let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    return Float(variance.squareRoot())
}
