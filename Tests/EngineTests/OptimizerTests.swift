import Testing
import TestSupport
@testable import Engine

/// Two steps of each optimiser against PyTorch 2.15 (CPU). The second step exercises the momentum
/// buffer and Adam's moments and bias correction. Golden numbers from this script:
///
///     import torch
///     def run(make):
///         p = torch.tensor([[0.5, -0.3], [0.8, 0.1]], requires_grad=True)
///         b = torch.tensor([0.2, -0.4], requires_grad=True)
///         opt = make([p, b]); out = []
///         for gp, gb in [([[0.1, -0.2], [0.3, 0.05]], [0.4, -0.1]),
///                        ([[-0.05, 0.1], [0.2, -0.3]], [0.0, 0.25])]:
///             p.grad = torch.tensor(gp); b.grad = torch.tensor(gb)
///             opt.step(); out.append((p.detach().flatten().tolist(), b.detach().tolist()))
///         return out
///     run(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01))
///     run(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01, nesterov=True))
///     run(lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1))
///     run(lambda ps: torch.optim.Adam(ps, lr=2e-4, betas=(0.5, 0.999)))       # DCGAN's settings
///     run(lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.5, dampening=0.25))
struct OptimizerTests {
    static let gradients: [(weight: [Float], bias: [Float])] = [
        ([0.1, -0.2, 0.3, 0.05], [0.4, -0.1]),
        ([-0.05, 0.1, 0.2, -0.3], [0.0, 0.25]),
    ]

    /// Runs two steps with the gradients above and returns (weight, bias) after each.
    static func twoSteps(_ makeOptimizer: ([Tensor]) throws -> any Optimizer) throws -> [([Float], [Float])] {
        let weight = Tensor(shape: [2, 2], data: [0.5, -0.3, 0.8, 0.1], requiresGrad: true)
        let bias = Tensor(shape: [2], data: [0.2, -0.4], requiresGrad: true)
        let optimizer = try makeOptimizer([weight, bias])
        return gradients.map { gradient in
            weight.grad = Tensor(shape: [2, 2], data: gradient.weight)
            bias.grad = Tensor(shape: [2], data: gradient.bias)
            optimizer.step()
            return (weight.data, bias.data)
        }
    }

    typealias Golden = (name: String, make: ([Tensor]) throws -> any Optimizer, steps: [([Float], [Float])])

    static let goldens: [Golden] = [
        ("SGD momentum 0.9, weight decay 0.01", { try SGD($0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01) }, [
            ([0.489499986, -0.279700011, 0.769200027, 0.0949000046], [0.159800008, -0.389600009]),
            ([0.48456049, -0.271150321, 0.720710814, 0.12021511], [0.123460211, -0.404850423]),
        ]),
        ("SGD Nesterov", { try SGD($0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true) }, [
            ([0.480049998, -0.261429995, 0.741479993, 0.0903099999], [0.123619996, -0.380239993]),
            ([0.480132908, -0.263490289, 0.677123189, 0.143007413], [0.0908231214, -0.418593526]),
        ]),
        ("Adam weight decay 0.1", { try Adam($0, learningRate: 0.01, betas: (0.9, 0.999), epsilon: 1e-8, weightDecay: 0.1) }, [
            ([0.49000001, -0.290000021, 0.790000021, 0.0900000036], [0.189999998, -0.390000015]),
            ([0.483349204, -0.285793751, 0.780194461, 0.0959357619], [0.182969809, -0.392498285]),
        ]),
        ("Adam DCGAN betas (0.5, 0.999)", { try Adam($0, learningRate: 2e-4, betas: (0.5, 0.999)) }, [
            ([0.499799997, -0.299800009, 0.799800038, 0.0997999981], [0.1998, -0.399800003]),
            ([0.499799997, -0.299800009, 0.799616992, 0.0999704525], [0.19970569, -0.399940044]),
        ]),
        ("SGD dampening 0.25", { try SGD($0, learningRate: 0.05, momentum: 0.5, dampening: 0.25) }, [
            ([0.495000005, -0.290000021, 0.785000026, 0.0975000039], [0.180000007, -0.395000011]),
            ([0.49437499, -0.288750023, 0.770000041, 0.107500002], [0.170000002, -0.401875019]),
        ]),
    ]

    @Test(arguments: goldens)
    func matchesPyTorch(golden: Golden) throws {
        let steps = try Self.twoSteps(golden.make)
        for (step, (actual, expected)) in zip(steps, golden.steps).enumerated() {
            expectClose(actual.0, expected.0, tolerance: 1e-6, "\(golden.name) step \(step + 1) weight")
            expectClose(actual.1, expected.1, tolerance: 1e-6, "\(golden.name) step \(step + 1) bias")
        }
    }

    /// Plain SGD is p − η∇, by hand.
    @Test func plainSGDByHand() throws {
        let steps = try Self.twoSteps { try SGD($0, learningRate: 0.5) }
        expectClose(steps[0].1, [0.2 - 0.5 * 0.4, -0.4 + 0.5 * 0.1], tolerance: 1e-7)
    }

    /// A parameter without a gradient is left alone, and Adam does not advance its step count.
    @Test func skipsParametersWithoutGradients() throws {
        let used = Tensor(shape: [1], data: [1], requiresGrad: true)
        let unused = Tensor(shape: [1], data: [2], requiresGrad: true)
        let adam = try Adam([used, unused], learningRate: 0.1)
        used.grad = Tensor([3])
        adam.step()
        #expect(unused.data == [2])
        // Adam's first step moves every parameter by about η, whatever its gradient's scale.
        expectClose(used.data, [0.9], tolerance: 1e-6)
        adam.zeroGrad()
        #expect(used.grad == nil)
    }

    /// clip_grad_norm_: gradients (3, 4) and (12) have total norm 13; clipping to 6.5 halves them.
    @Test func clipGradientNormRescalesAndReturnsTotal() {
        let a = Tensor(shape: [2], data: [0, 0]), b = Tensor(shape: [1], data: [0]), c = Tensor([5])
        a.grad = Tensor([3, 4])
        b.grad = Tensor([12])
        let total = clipGradientNorm([a, b, c], maxNorm: 6.5)
        #expect(total == 13)
        let scale: Float = 6.5 / (13 + 1e-6)  // PyTorch's max_norm / (total + 1e-6)
        expectClose(a.grad!.data + b.grad!.data, [3 * scale, 4 * scale, 12 * scale], tolerance: 1e-7)
        expectClose([clipGradientNorm([a, b], maxNorm: 100)], [6.5], tolerance: 1e-6)  // below the cap: unchanged
        expectClose(b.grad!.data, [12 * scale], tolerance: 1e-7)
        // A non-finite norm is reported, and the gradients are left for the caller to inspect.
        b.grad = Tensor([.infinity])
        #expect(clipGradientNorm([a, b], maxNorm: 1) == .infinity)
        #expect(b.grad!.data == [.infinity])
    }

    static let invalid: [(String, () throws -> any Optimizer, String)] = [
        ("negative lr", { try SGD([Tensor](), learningRate: -1) }, "SGD: learning rate must be ≥ 0, got -1.0"),
        ("nesterov", { try SGD([Tensor](), learningRate: 0.1, nesterov: true) },
         "SGD: Nesterov momentum requires a momentum > 0 and zero dampening"),
        ("beta", { try Adam([Tensor](), betas: (0.9, 1)) }, "Adam: betas must be in [0, 1), got (0.9, 1.0)"),
        ("duplicate", { let w = Tensor([1]); return try Adam([w, w]) }, "Adam: a parameter appears more than once in the list"),
    ]

    @Test(arguments: invalid)
    func invalidHyperparameters(name: String, make: () throws -> any Optimizer, message: String) {
        let error = #expect(throws: EngineError.self) { try make() }
        #expect(error?.description == message, "\(name)")
    }
}
