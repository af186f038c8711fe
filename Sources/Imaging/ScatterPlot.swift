import Foundation

/// A scatter plot drawn over a heat map: the picture of a 2-D GAN. The heat map is the
/// discriminator's verdict at every point of the plane (green where it says "real", purple where
/// it says "fake", white where it cannot tell); the dots are real data and generated samples. One
/// picture every few steps shows the generator's samples chasing the data while the
/// discriminator's boundary moves after them.
public enum ScatterPlot {
    /// The plot area's side, in pixels.
    public static let side = 384
    /// Text is drawn with the bitmap font at this many pixels per font pixel.
    public static let textScale = 2

    /// Points of one colour: `(x, y)` in data coordinates.
    public struct Series {
        public var points: [(x: Double, y: Double)]
        public var colour: [UInt8]
        /// Dot size: a square of side 2·radius + 1.
        public var radius: Int
        public init(points: [(x: Double, y: Double)], colour: [UInt8], radius: Int) {
            self.points = points
            self.colour = colour
            self.radius = radius
        }
    }

    /// A circle outline in data coordinates (a mode's 3σ zone).
    public struct Circle {
        public var x: Double, y: Double, radius: Double
        public init(x: Double, y: Double, radius: Double) {
            self.x = x
            self.y = y
            self.radius = radius
        }
    }

    public static let realColour: [UInt8] = [31, 119, 180]
    public static let fakeColour: [UInt8] = [214, 39, 40]

    /// The heat map's colour for a probability of "real": purple at 0, white at ½, green at 1.
    /// Pale, so that the dots stay visible on top.
    public static func heatColour(_ probability: Double) -> [UInt8] {
        let p = min(max(probability.isFinite ? probability : 0.5, 0), 1)
        let purple: [Double] = [196, 160, 228], white: [Double] = [255, 255, 255], green: [Double] = [150, 220, 150]
        let (from, to, t) = p < 0.5 ? (purple, white, p * 2) : (white, green, (p - 0.5) * 2)
        return (0..<3).map { UInt8((from[$0] + (to[$0] - from[$0]) * t).rounded()) }
    }

    /// The picture: caption lines on top, then the plot of `[−extent, extent]²`.
    /// - Parameters:
    ///   - heat: `size × size` probabilities, row 0 at the top (largest y), column 0 at the left.
    ///   - size: the heat map's resolution; each cell becomes a block of pixels.
    ///   - extent: half the plotted range on each axis.
    ///   - circles: outlines drawn in grey under the dots.
    ///   - series: drawn in order, so the last lies on top.
    ///   - caption: lines of text above the plot.
    public static func image(heat: [Double], size: Int, extent: Double, circles: [Circle] = [],
                             series: [Series], caption: [String]) -> Image {
        let lineHeight = (BitmapFont.glyphHeight + 2) * textScale
        let top = caption.count * lineHeight + 2 * textScale
        var picture = Image(width: side, height: top + side, channels: 3, fill: [255])
        func paint(_ x: Int, _ y: Int, _ colour: [UInt8]) {
            guard (0..<side).contains(x), (0..<side).contains(y) else { return }
            let offset = ((top + y) * side + x) * 3
            picture.pixels.replaceSubrange(offset..<(offset + 3), with: colour)
        }
        // Data coordinates → pixel column and row (y grows upwards in the data, downwards on screen).
        func pixel(_ x: Double, _ y: Double) -> (Int, Int) {
            (Int(((x + extent) / (2 * extent) * Double(side)).rounded(.down)),
             Int(((extent - y) / (2 * extent) * Double(side)).rounded(.down)))
        }
        if size > 0, heat.count == size * size {
            for row in 0..<side {
                for column in 0..<side {
                    paint(column, row, heatColour(heat[(row * size / side) * size + column * size / side]))
                }
            }
        }
        // Axes through the origin, light grey.
        let (originX, originY) = pixel(0, 0)
        for t in 0..<side {
            paint(originX, t, [200, 200, 200])
            paint(t, originY, [200, 200, 200])
        }
        for circle in circles {
            let steps = 180
            for index in 0..<steps {
                let angle = Double(index) / Double(steps) * 2 * Double.pi
                let (x, y) = pixel(circle.x + circle.radius * cos(angle), circle.y + circle.radius * sin(angle))
                paint(x, y, [90, 90, 90])
            }
        }
        for layer in series {
            for point in layer.points where point.x.isFinite && point.y.isFinite {
                let (x, y) = pixel(point.x, point.y)
                for dy in -layer.radius...layer.radius {
                    for dx in -layer.radius...layer.radius { paint(x + dx, y + dy, layer.colour) }
                }
            }
        }
        // Captions, drawn small and enlarged so they read at a glance.
        for (index, line) in caption.enumerated() {
            let width = min(BitmapFont.width(of: line), side / textScale)
            guard width > 0 else { continue }
            var text = Image(width: width, height: BitmapFont.glyphHeight, channels: 3, fill: [255])
            BitmapFont.draw(line, into: &text, x: 0, y: 0, color: [0, 0, 0])
            picture.paste(text.upscaled(by: textScale), atX: 2 * textScale, y: textScale + index * lineHeight)
        }
        return picture
    }
}
