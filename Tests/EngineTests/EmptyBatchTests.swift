import Testing
@testable import Engine

/// A batch of zero images is legal input (a learner can slice one, a data loader can end on one):
/// every layer must return an empty result of the right shape, forward and backward, not trap.
/// (The fuzz test of the shell found a division by zero here once.)
struct EmptyBatchTests {
    @Test func convolutionLayersAcceptAnEmptyBatch() throws {
        let convolution = try Conv2d(3, 4, kernelSize: 4, stride: 2, padding: 1)
        let transposed = try ConvTranspose2d(4, 3, kernelSize: 4, stride: 2, padding: 1)
        let input = Tensor(shape: [0, 3, 8, 8], data: [], requiresGrad: true)
        let down = try convolution(input)
        #expect(down.shape == [0, 4, 4, 4])
        let up = try transposed(down)
        #expect(up.shape == [0, 3, 8, 8])
        try up.sum().backward()
        #expect(input.grad?.shape == [0, 3, 8, 8])
    }
}
