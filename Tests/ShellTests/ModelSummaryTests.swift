import Engine
import Testing
import Models
@testable import Shell

/// The model table's output-shape column: a convolutional model is run on the first usual picture
/// size that fits every layer, so the lessons' 32×32 autoencoder shows its shapes unprompted.
struct ModelSummaryTests {
    @Test func autoencoderShowsShapesForThirtyTwoPixelFaces() throws {
        let table = ModelSummary.table(for: try Autoencoder(latent: 32))
        #expect(table.contains("[1, 32]"))
        #expect(table.contains("[1, 3, 32, 32]"))
        #expect(!table.contains("no longer fits"))
    }

    @Test func anExplicitInputShapeWins() throws {
        let model = Sequential(try Conv2d(3, 8, kernelSize: 3), ReLU())
        let table = ModelSummary.table(for: model, inputShape: [2, 3, 10, 10])
        #expect(table.contains("[2, 8, 8, 8]"))
    }
}
