import Imaging
import Testing

/// The 2-D GAN's picture: heat colours at the ends and the middle, and dots where the data say.
struct ScatterPlotTests {
    static let colours: [(probability: Double, colour: [UInt8])] = [
        (0, [196, 160, 228]), (0.5, [255, 255, 255]), (1, [150, 220, 150]), (.nan, [255, 255, 255]), (7, [150, 220, 150]),
    ]

    @Test(arguments: colours)
    func heatColour(probability: Double, colour: [UInt8]) {
        #expect(ScatterPlot.heatColour(probability) == colour)
    }

    @Test func aDotLandsWhereItsCoordinatesSay() {
        let image = ScatterPlot.image(heat: [0.5], size: 1, extent: 2, series: [
            .init(points: [(x: 1, y: 1)], colour: [0, 0, 0], radius: 0),
        ], caption: [])
        let top = image.height - ScatterPlot.side
        // (1, 1) in [−2, 2]² is three quarters across and a quarter down.
        let x = ScatterPlot.side * 3 / 4, y = top + ScatterPlot.side / 4
        #expect((0..<3).map { image[x, y, $0] } == [0, 0, 0])
        #expect((0..<3).map { image[x + 5, y + 5, $0] } == [255, 255, 255])
    }
}
