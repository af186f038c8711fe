import Testing
import TestSupport
@testable import Engine

/// Convolution and transposed convolution: the im2col path against the direct loops, the adjoint
/// identity that makes one the other's gradient, finite-difference gradients, and error messages.
struct ConvolutionTests {
    /// (N, C, O, H, W, kernel, stride, padding): odd sizes, strides that do not divide, padding
    /// wider than the kernel's reach, a 1×1 output.
    static let geometries: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (2, 3, 4, 5, 5, 3, 1, 1), (1, 2, 3, 7, 6, 3, 2, 0), (2, 1, 2, 6, 6, 4, 2, 1),
        (1, 3, 2, 4, 4, 4, 1, 0), (2, 2, 2, 5, 7, 2, 3, 2), (1, 1, 1, 3, 3, 1, 1, 0),
    ]

    static func geometry(_ s: (Int, Int, Int, Int, Int, Int, Int, Int)) -> ConvolutionGeometry {
        ConvolutionGeometry(batch: s.0, inChannels: s.1, outChannels: s.2, inputHeight: s.3, inputWidth: s.4,
                            kernelSize: s.5, stride: s.6, padding: s.7)
    }

    @Test(arguments: geometries)
    func im2colMatchesDirectConvolution(_ s: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let g = Self.geometry(s)
        let x = sample([g.batch, g.inChannels, g.inputHeight, g.inputWidth], seed: 1)
        let w = sample([g.outChannels, g.inChannels, g.kernelSize, g.kernelSize], seed: 2)
        let b = sample([g.outChannels], seed: 3)
        let y = try x.conv2d(weight: w, bias: b, stride: g.stride, padding: g.padding)
        #expect(y.shape == [g.batch, g.outChannels, g.outputHeight, g.outputWidth])
        expectClose(y.data, directConvolution(input: x.data, weight: w.data, bias: b.data, g),
                    tolerance: 1e-5, "conv2d vs direct \(s)")
    }

    /// Large enough that im2col, col2im and the layout moves split across threads, and that the
    /// input gradient (the transposed convolution's forward) is made in several chunks of images.
    /// The worker pool's log proves both ran as jobs shared among the threads.
    @Test(.enabled(if: Parallel.threads > 1, "one thread: nothing is split"))
    func parallelAndChunkedPathsMatchDirectLoops() throws {
        let g = Self.geometry((40, 16, 8, 16, 16, 4, 2, 1))
        #expect(g.batch * g.patchSize * g.outputPlane > 2 * 262_144, "more than two chunks")
        let x = sample([40, 16, 16, 16], seed: 16), w = sample([8, 16, 4, 4], seed: 17), b = sample([8], seed: 18)
        let forward = try onWorkerThreads { try x.conv2d(weight: w, bias: b, stride: 2, padding: 1) }
        #expect(forward.jobs >= 1 && forward.pieces >= 2 * forward.jobs, "conv2d: \(forward.jobs) jobs, \(forward.pieces) pieces")
        let y = forward.result
        expectClose(y.data, directConvolution(input: x.data, weight: w.data, bias: b.data, g), tolerance: 1e-5)
        let transposed = try onWorkerThreads {
            try y.convTranspose2d(weight: w, bias: sample([16], seed: 19), stride: 2, padding: 1)
        }
        #expect(transposed.jobs >= 1 && transposed.pieces >= 2 * transposed.jobs,
                "convTranspose2d: \(transposed.jobs) jobs, \(transposed.pieces) pieces")
        expectClose(transposed.result.data,
                    directTransposedConvolution(input: y.data, weight: w.data, bias: sample([16], seed: 19).data, g),
                    tolerance: 1e-4)
    }

    /// Every geometry with every output padding the stride allows (0 ..< s). Output padding is one
    /// number for both axes, so where the stride leaves different remainders in height and width
    /// (7×6 with k 3, s 2; 5×7 with k 2, s 3) no single choice gives back the convolution's input
    /// size: each case instead names the size it produces, and the oracle is built for that size.
    static let transposedCases: [((Int, Int, Int, Int, Int, Int, Int, Int), Int)] =
        geometries.flatMap { s in (0..<s.6).map { (s, $0) } }

    /// The convolution geometry whose input size is the transposed convolution's output size,
    /// (Ho − 1)·s − 2p + k + output padding, for the given output padding.
    static func transposedGeometry(_ s: (Int, Int, Int, Int, Int, Int, Int, Int), outputPadding: Int)
        -> ConvolutionGeometry {
        let g = geometry(s)
        func size(_ outputSize: Int) -> Int { (outputSize - 1) * g.stride - 2 * g.padding + g.kernelSize + outputPadding }
        // With output padding below the stride, this size convolves back to Ho × Wo.
        return ConvolutionGeometry(batch: g.batch, inChannels: g.inChannels, outChannels: g.outChannels,
                                   inputHeight: size(g.outputHeight), inputWidth: size(g.outputWidth),
                                   kernelSize: g.kernelSize, stride: g.stride, padding: g.padding)
    }

    /// The cases reach every geometry's own height and its own width (in two different cases
    /// where the remainders differ), so no size the convolution accepts goes untested.
    @Test func transposedCasesRestoreEveryInputSize() {
        let sizes = Self.transposedCases.map { Self.transposedGeometry($0.0, outputPadding: $0.1) }
            .map { [$0.inputHeight, $0.inputWidth] }
        #expect(sizes == [[5, 5], [7, 5], [8, 6], [6, 6], [7, 7], [4, 4], [4, 7], [5, 8], [6, 9], [3, 3]])
        for s in Self.geometries {
            let reached = (0..<s.6).map { Self.transposedGeometry(s, outputPadding: $0) }
            #expect(reached.contains { $0.inputHeight == s.3 } && reached.contains { $0.inputWidth == s.4 }, "\(s)")
        }
    }

    @Test(arguments: transposedCases)
    func transposedMatchesDirectLoops(_ s: (Int, Int, Int, Int, Int, Int, Int, Int), outputPadding: Int) throws {
        let g = Self.transposedGeometry(s, outputPadding: outputPadding)
        // The transposed convolution maps the convolution's output shape back to an input shape.
        let x = sample([g.batch, g.outChannels, g.outputHeight, g.outputWidth], seed: 4)
        let w = sample([g.outChannels, g.inChannels, g.kernelSize, g.kernelSize], seed: 5)
        let b = sample([g.inChannels], seed: 6)
        let y = try x.convTranspose2d(weight: w, bias: b, stride: g.stride, padding: g.padding,
                                      outputPadding: outputPadding)
        #expect(y.shape == [g.batch, g.inChannels, g.inputHeight, g.inputWidth])
        expectClose(y.data, directTransposedConvolution(input: x.data, weight: w.data, bias: b.data, g),
                    tolerance: 1e-5, "convTranspose2d vs direct \(s), output padding \(outputPadding)")
    }

    /// ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ for the same weight and no bias: the transposed convolution
    /// is the adjoint (the matrix transpose) of the convolution, which is why it is the gradient.
    /// The output padding picks which input size the convolution is the adjoint for.
    @Test(arguments: transposedCases)
    func adjointIdentity(_ s: (Int, Int, Int, Int, Int, Int, Int, Int), outputPadding: Int) throws {
        let g = Self.transposedGeometry(s, outputPadding: outputPadding)
        let x = sample([g.batch, g.inChannels, g.inputHeight, g.inputWidth], seed: 7)
        let y = sample([g.batch, g.outChannels, g.outputHeight, g.outputWidth], seed: 8)
        let w = sample([g.outChannels, g.inChannels, g.kernelSize, g.kernelSize], seed: 9)
        let left = try (x.conv2d(weight: w, stride: g.stride, padding: g.padding) * y).sum().item
        let right = try (x * y.convTranspose2d(weight: w, stride: g.stride, padding: g.padding,
                                                outputPadding: outputPadding)).sum().item
        expectClose([left], [right], tolerance: 1e-5, "adjoint identity \(s), output padding \(outputPadding)")
    }

    @Test(arguments: geometries)
    func convolutionGradients(_ s: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let g = Self.geometry(s)
        let x = sample([g.batch, g.inChannels, g.inputHeight, g.inputWidth], seed: 10)
        let w = sample([g.outChannels, g.inChannels, g.kernelSize, g.kernelSize], seed: 11)
        let b = sample([g.outChannels], seed: 12)
        try checkGradients("conv2d \(s)", inputs: [x, w, b]) {
            try $0[0].conv2d(weight: $0[1], bias: $0[2], stride: g.stride, padding: g.padding)
        }
    }

    @Test(arguments: geometries)
    func transposedGradients(_ s: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let g = Self.geometry(s)
        let x = sample([g.batch, g.outChannels, g.outputHeight, g.outputWidth], seed: 13)
        let w = sample([g.outChannels, g.inChannels, g.kernelSize, g.kernelSize], seed: 14)
        let b = sample([g.inChannels], seed: 15)
        let outputPadding = g.stride > 1 ? 1 : 0  // exercise the extra row and column too
        try checkGradients("convTranspose2d \(s)", inputs: [x, w, b]) {
            try $0[0].convTranspose2d(weight: $0[1], bias: $0[2], stride: g.stride, padding: g.padding,
                                      outputPadding: outputPadding)
        }
    }

    /// PyTorch's output sizes for the DCGAN generator's layers: (H − 1)·s − 2p + k + output_padding.
    @Test(arguments: [(1, 4, 1, 0, 0, 4), (4, 4, 2, 1, 0, 8), (16, 4, 2, 1, 0, 32), (5, 3, 2, 1, 1, 10)])
    func transposedOutputSize(height: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int,
                              expected: Int) throws {
        let x = try Tensor.zeros([1, 2, height, height])
        let w = try Tensor.zeros([2, 3, kernel, kernel])
        let y = try x.convTranspose2d(weight: w, stride: stride, padding: padding, outputPadding: outputPadding)
        #expect(y.shape == [1, 3, expected, expected])
    }

    /// Golden values from PyTorch 2.15.0 (CPU), generated by:
    ///
    ///     i = torch.arange(32, dtype=torch.float32)
    ///     x = (((i * 37) % 17) / 8 - 1).reshape(1, 2, 4, 4)
    ///     j = torch.arange(54, dtype=torch.float32)
    ///     w = (((j * 13) % 11) / 5 - 1).reshape(3, 2, 3, 3)
    ///     b = torch.tensor([0.1, -0.2, 0.3])
    ///     F.conv2d(x, w, b, stride=2, padding=1)
    ///     F.conv_transpose2d(x, w.reshape(2, 3, 3, 3), b, stride=2, padding=1, output_padding=1)[0, :, :2]
    @Test func matchesPyTorch() throws {
        let x = BatchNormTests.pattern([1, 2, 4, 4])
        let w = BatchNormTests.pattern([3, 2, 3, 3], multiplier: 13, modulus: 11, divisor: 5)
        let b = Tensor([0.1, -0.2, 0.3])
        let y = try x.conv2d(weight: w, bias: b, stride: 2, padding: 1)
        expectClose(y.data, [-1.95, 2.15, 1.375, 2.675, 1.125, -2.475, -1.3, 0.2500001, 1.975, -0.525, 0.6750001, -2.2],
                    tolerance: 1e-5, "conv2d")
        let t = try x.convTranspose2d(weight: w.reshaped([2, 3, 3, 3]), bias: b, stride: 2, padding: 1, outputPadding: 1)
        #expect(t.shape == [1, 3, 8, 8])
        let firstTwoRows = (0..<3).flatMap { c in t.data[(c * 64)..<(c * 64 + 16)] }
        expectClose(firstTwoRows, [
            -0.2, -0.4250001, -0.675, -1.375, -0.3, -0.625, 0.07500001, 0.02500001, -0.3500001, 0.9250001, 0.02499995,
            2.5, 0.4, -0.175, 1.2, 0.6, -0.3, 0.7749999, 0.325, 0.325, 0.09999998, -0.125, -0.125, -0.175, -0.1250001,
            -0.85, -0.625, 0.3500001, -1.125, 1.975, -1.2, -0.425, 2.05, -0.8, -0.07499999, 0.9, -0.07499999, 0.9,
            -0.07499999, 0.425, 0.07499996, 0.09999996, 0.07499999, 0.09999996, 0.07500002, 0.5250001, 0.5, -0.1,
        ], tolerance: 1e-5, "conv_transpose2d")
    }

    /// PyTorch's initialisation bounds, names and printing.
    @Test func layersFollowPyTorch() throws {
        try Random.withSeed(1) {
            let conv = try Conv2d(3, 32, kernelSize: 4, stride: 2, padding: 1)
            #expect(conv.weight.shape == [32, 3, 4, 4] && conv.bias?.shape == [32])
            let bound = 1 / Float(3 * 16).squareRoot()
            #expect(conv.weight.data.allSatisfy { abs($0) <= bound } && conv.weight.data.contains { abs($0) > bound / 2 })
            #expect(conv.namedParameters().map(\.name) == ["weight", "bias"])
            #expect(conv.description == "Conv2d(3, 32, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))")
            let transposed = try ConvTranspose2d(64, 32, kernelSize: 4, stride: 2, padding: 1, bias: false)
            #expect(transposed.weight.shape == [64, 32, 4, 4] && transposed.bias == nil)
            // PyTorch takes the fan-in of a transposed convolution from weight.size(1) = out channels.
            let transposedBound = 1 / Float(32 * 16).squareRoot()
            #expect(transposed.weight.data.allSatisfy { abs($0) <= transposedBound })
            #expect(transposed.description
                    == "ConvTranspose2d(64, 32, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1), bias=False)")
            #expect(try transposed(Tensor.zeros([2, 64, 8, 8])).shape == [2, 32, 16, 16])
            expectError("Conv2d: channels (0, 4), kernel size 3 and stride 1 must be at least 1, and padding 0 at least 0") {
                try Conv2d(0, 4, kernelSize: 3)
            }
            expectError("ConvTranspose2d: output padding 2 must be at least 0 and smaller than the stride 2") {
                try ConvTranspose2d(4, 4, kernelSize: 3, stride: 2, outputPadding: 2)
            }
        }
    }

    @Test func errorsQuoteTheShapes() throws {
        let image = try Tensor.zeros([64, 1, 32, 32])
        let layer = try Conv2d(3, 8, kernelSize: 3)
        let wrongChannels = #expect(throws: EngineError.self) { try layer(image) }
        #expect(wrongChannels?.description == "Conv2d expects 3 input channels but got 1 (input shape [64, 1, 32, 32])")
        let transposed = try ConvTranspose2d(inChannels: 4, outChannels: 3, kernelSize: 4, stride: 2, padding: 1)
        let wrongTransposed = #expect(throws: EngineError.self) { try transposed(image) }
        #expect(wrongTransposed?.description
                == "ConvTranspose2d expects 4 input channels but got 1 (input shape [64, 1, 32, 32])")
        let tiny = try Tensor.zeros([1, 3, 2, 2])
        let error = #expect(throws: EngineError.self) { try tiny.conv2d(weight: Tensor.zeros([8, 3, 4, 4])) }
        #expect(error?.description == "conv2d: input of shape [1, 3, 2, 2] is too small: height and width "
                + "plus twice the padding (0) must be at least the kernel size 4")
        expectError("convTranspose2d: output padding 2 must be at least 0 and smaller than the stride 2") {
            try tiny.convTranspose2d(weight: Tensor.zeros([3, 2, 4, 4]), stride: 2, outputPadding: 2)
        }
        expectError("conv2d: expected a 4-D input [N, C, H, W] but got shape [64, 1024]") {
            try image.flattened().conv2d(weight: Tensor.zeros([8, 1, 3, 3]))
        }
    }
}
