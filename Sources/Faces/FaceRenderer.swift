import Imaging

/// Draws synthetic people. Same attributes in, same pixels out, on any machine.
///
/// How it works, per pixel (read `FaceLayout+Head.swift` next):
/// 1. Paint the background, the shoulders and any hair that falls behind the head.
/// 2. Undo the head's roll, and ask whether the pixel sees the head: the head is a stack of
///    ellipses (one per height), turned by the yaw, so the answer is a quadratic equation.
/// 3. Where it does, find the face-frame point (u, v) under the pixel — the spot on an
///    unturned face that the pixel shows. Features (eyes, nose, mouth, hair) are drawn in
///    (u, v), so turning the head moves and squashes them for free, and the far side narrows.
/// 4. Light the point: soft diffuse light plus a little shine, from the scene's light.
/// Edges are anti-aliased analytically: each shape knows its distance to the pixel, and
/// covers the pixel in proportion, so one sample per pixel gives smooth outlines.
public enum FaceRenderer {
    /// Renders a `size × size` RGB picture. `supersampling` renders at that many times the size
    /// and averages blocks down, which keeps sub-pixel details (pupils at 32×32) honest.
    public static func render(_ attributes: FaceAttributes, size: Int, supersampling: Int = 1) -> Image {
        let layout = FaceLayout(attributes)
        let fine = size * supersampling
        var linear = [Float](repeating: 0, count: fine * fine * 3)
        linear.withUnsafeMutableBufferPointer { buffer in
            let pixel: Float = 2 / Float(fine)
            for row in 0..<fine {
                let y = (Float(row) + 0.5) * pixel - 1
                for column in 0..<fine {
                    let x = (Float(column) + 0.5) * pixel - 1
                    let color = layout.shade(x: x, y: y, pixel: pixel)
                    let index = (row * fine + column) * 3
                    buffer[index] = color.x; buffer[index + 1] = color.y; buffer[index + 2] = color.z
                }
            }
        }
        return encode(linear, fineSize: fine, factor: supersampling)
    }

    /// Averages `factor × factor` blocks in linear light, then converts to 8-bit sRGB-like
    /// values with gamma 2 (square root): exact arithmetic, so portable.
    private static func encode(_ linear: [Float], fineSize: Int, factor: Int) -> Image {
        let size = fineSize / factor
        var bytes = [UInt8](repeating: 0, count: size * size * 3)
        let weight = 1 / Float(factor * factor)
        linear.withUnsafeBufferPointer { source in
            for row in 0..<size {
                for column in 0..<size {
                    for channel in 0..<3 {
                        var sum: Float = 0
                        for dy in 0..<factor {
                            for dx in 0..<factor {
                                sum += source[((row * factor + dy) * fineSize + column * factor + dx) * 3 + channel]
                            }
                        }
                        // A NaN would trap in the UInt8 conversion; it should never occur, but a
                        // black pixel is a better failure than a crashed session.
                        let value = sum.isNaN ? 0 : (clamp01(sum * weight)).squareRoot() * 255
                        bytes[(row * size + column) * 3 + channel] = UInt8(value + 0.5)
                    }
                }
            }
        }
        return Image(width: size, height: size, channels: 3, pixels: bytes)
    }
}

extension FaceLayout {
    /// The colour (linear light) of the picture at (x, y), both −1 ... 1, y pointing down.
    @inline(__always) func shade(x: Float, y: Float, pixel: Float) -> SIMD3<Float> {
        var color = mix(backgroundTop, backgroundBottom, clamp01(0.5 + 0.5 * y))

        // Head coordinates: undo the roll about the head's centre, measure in head heights.
        let dx = x - centerX, dy = y - centerY
        let headX = (cosRoll * dx + sinRoll * dy) / scale
        let headY = (-sinRoll * dx + cosRoll * dy) / scale
        let headPixel = pixel / scale

        color = drawShoulders(over: color, x: x, y: y, pixel: pixel)
        color = drawHairBehindHead(over: color, x: headX, t: headY, pixel: headPixel)
        color = drawNeck(over: color, x: x, y: y, pixel: pixel)
        color = drawEars(over: color, x: headX, t: headY, pixel: headPixel, inFront: false)
        color = drawHead(over: color, x: headX, t: headY, pixel: headPixel)
        color = drawEars(over: color, x: headX, t: headY, pixel: headPixel, inFront: true)
        return color
    }
}
