import Foundation

/// The 8×8 discrete cosine transform JPEG is built on, used here to hide the watermark.
///
///     X[u, v] = c(u)·c(v) · Σ_y Σ_x x[y, x] · cos(π(2y + 1)u / 16) · cos(π(2x + 1)v / 16)
///     c(0) = √(1/8),  c(k) = √(2/8) for k > 0                   (orthonormal DCT-II)
///
/// `X[0, 0]` is 8 × the block's mean; `X[u, v]` with larger `u + v` holds finer detail. The
/// transform is orthonormal (`X = D·x·Dᵀ`, `D·Dᵀ = I`), so adding `a` to one coefficient adds
/// exactly `a²` to the block's summed squared pixel error: that is how the watermark's strength
/// turns into a PSNR before a single pixel is touched.
public enum BlockDCT {
    public static let size = 8

    /// `D[k, n] = c(k)·cos(π(2n + 1)k / 16)`, row-major.
    static let matrix: [Double] = (0..<64).map { index in
        let k = index / 8, n = index % 8
        let scale = k == 0 ? (1.0 / 8).squareRoot() : (2.0 / 8).squareRoot()
        return scale * cos(Double.pi * Double(2 * n + 1) * Double(k) / 16)
    }

    /// `D·block·Dᵀ` for one 8×8 block (64 values, row-major).
    public static func forward(_ block: [Float]) -> [Float] {
        multiply(matrix, transposedLeft: false, block)
    }

    /// `Dᵀ·coefficients·D`, the inverse (D is orthonormal, so its inverse is its transpose).
    public static func inverse(_ coefficients: [Float]) -> [Float] {
        multiply(matrix, transposedLeft: true, coefficients)
    }

    /// The definition's double sum for one coefficient: the tests' oracle.
    public static func naiveCoefficient(_ block: [Float], u: Int, v: Int) -> Float {
        var sum = 0.0
        for y in 0..<8 {
            for x in 0..<8 {
                sum += Double(block[y * 8 + x]) * cos(Double.pi * Double(2 * y + 1) * Double(u) / 16)
                    * cos(Double.pi * Double(2 * x + 1) * Double(v) / 16)
            }
        }
        let cu = u == 0 ? (1.0 / 8).squareRoot() : (2.0 / 8).squareRoot()
        let cv = v == 0 ? (1.0 / 8).squareRoot() : (2.0 / 8).squareRoot()
        return Float(cu * cv * sum)
    }

    /// `M·x·Mᵀ` (or `Mᵀ·x·M`) for 8×8 matrices. 1,024 multiply-adds: too small for BLAS to help.
    private static func multiply(_ m: [Double], transposedLeft: Bool, _ x: [Float]) -> [Float] {
        func entry(_ row: Int, _ column: Int) -> Double { transposedLeft ? m[column * 8 + row] : m[row * 8 + column] }
        var half = [Double](repeating: 0, count: 64)          // M·x
        for row in 0..<8 {
            for column in 0..<8 {
                var sum = 0.0
                for k in 0..<8 { sum += entry(row, k) * Double(x[k * 8 + column]) }
                half[row * 8 + column] = sum
            }
        }
        var result = [Float](repeating: 0, count: 64)           // (M·x)·Mᵀ
        for row in 0..<8 {
            for column in 0..<8 {
                var sum = 0.0
                for k in 0..<8 { sum += half[row * 8 + k] * entry(column, k) }
                result[row * 8 + column] = Float(sum)
            }
        }
        return result
    }

    /// Applies `change` to the coefficients of every whole 8×8 block of a `height × width`
    /// plane: transform, let `change` edit the 64 coefficients (it gets the block's row and
    /// column), transform back. Rows and columns beyond the last whole block are left alone.
    public static func editBlocks(_ plane: [Float], height: Int, width: Int,
                                  _ change: (_ blockRow: Int, _ blockColumn: Int, _ coefficients: inout [Float]) -> Void) -> [Float] {
        var result = plane
        for blockRow in 0..<(height / 8) {
            for blockColumn in 0..<(width / 8) {
                var coefficients = forward(block(plane, width: width, blockRow: blockRow, blockColumn: blockColumn))
                change(blockRow, blockColumn, &coefficients)
                let pixels = inverse(coefficients)
                for y in 0..<8 {
                    for x in 0..<8 { result[(blockRow * 8 + y) * width + blockColumn * 8 + x] = pixels[y * 8 + x] }
                }
            }
        }
        return result
    }

    /// The 64 values of one block, row-major.
    static func block(_ plane: [Float], width: Int, blockRow: Int, blockColumn: Int) -> [Float] {
        var values = [Float](repeating: 0, count: 64)
        for y in 0..<8 {
            for x in 0..<8 { values[y * 8 + x] = plane[(blockRow * 8 + y) * width + blockColumn * 8 + x] }
        }
        return values
    }
}
