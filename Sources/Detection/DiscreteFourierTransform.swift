import Engine
import Foundation

/// The two-dimensional discrete Fourier transform of a real picture, written as matrix products.
///
///     F[u, v] = Σ_y Σ_x f[y, x] · e^(−2πi·(u·y/H + v·x/W))
///
/// Shapes: `f` is one `H × W` plane (row-major), and so are the real and imaginary parts of `F`.
/// `F[u, v]` is how much of a wave with `u` cycles down the picture and `v` cycles across it the
/// picture holds; `F[0, 0]` is the sum of all pixels.
///
/// The double sum separates: with the `n × n` matrix `Wₙ[k, j] = e^(−2πi·k·j/n)`,
/// `F = W_H · f · W_W` (W is symmetric). Writing `W = C − iS` with `C = cos(2πkj/n)` and
/// `S = sin(2πkj/n)`, and `f` real,
///
///     Re F = C_H·f·C_W − S_H·f·S_W        Im F = −(C_H·f·S_W + S_H·f·C_W)
///
/// six real matrix products, which run on the engine's BLAS (`Tensor.matmul`). That is
/// O(n³) work per picture instead of the definition's O(n⁴); at 32–64 pixels it is a few
/// hundred microseconds, and no FFT is needed. `naiveTransform` below is the definition itself,
/// kept as the readable version and as the tests' oracle.
public enum DiscreteFourierTransform {
    /// Re F and Im F of a real `height × width` plane, through BLAS.
    public static func transform(_ plane: [Float], height: Int, width: Int) throws -> (real: [Float], imaginary: [Float]) {
        guard height > 0, width > 0, plane.count == height * width else {
            throw DetectionError.badPlane(values: plane.count, height: height, width: width)
        }
        let (cosH, sinH) = basis(height), (cosW, sinW) = basis(width)
        let f = Tensor(shape: [height, width], data: plane)
        return try GradientMode.withoutGradients {
            let cf = try cosH.matmul(f), sf = try sinH.matmul(f)           // C_H·f and S_H·f, [H, W]
            let real = try cf.matmul(cosW) - sf.matmul(sinW)
            let imaginary = try (cf.matmul(sinW) + sf.matmul(cosW)) * -1
            return (real.data, imaginary.data)
        }
    }

    /// The definition, one output at a time: O(H²·W²). Accumulated in double so it can be the
    /// reference the fast version is measured against.
    public static func naiveTransform(_ plane: [Float], height: Int, width: Int) -> (real: [Float], imaginary: [Float]) {
        var real = [Float](repeating: 0, count: height * width), imaginary = real
        for u in 0..<height {
            for v in 0..<width {
                var sumReal = 0.0, sumImaginary = 0.0
                for y in 0..<height {
                    for x in 0..<width {
                        // Reduce the phase's integer part first so the angle stays small and exact.
                        let turns = Double((u * y) % height) / Double(height) + Double((v * x) % width) / Double(width)
                        let angle = -2 * Double.pi * turns
                        let value = Double(plane[y * width + x])
                        sumReal += value * cos(angle)
                        sumImaginary += value * sin(angle)
                    }
                }
                real[u * width + v] = Float(sumReal)
                imaginary[u * width + v] = Float(sumImaginary)
            }
        }
        return (real, imaginary)
    }

    /// `C[k, j] = cos(2π·k·j/n)` and `S[k, j] = sin(2π·k·j/n)` as `[n, n]` tensors. `k·j mod n`
    /// keeps the angle in one turn, so large products lose no precision.
    static func basis(_ n: Int) -> (cos: Tensor, sin: Tensor) {
        var cosines = [Float](repeating: 0, count: n * n), sines = cosines
        for k in 0..<n {
            for j in 0..<n {
                let angle = 2 * Double.pi * Double((k * j) % n) / Double(n)
                cosines[k * n + j] = Float(cos(angle))
                sines[k * n + j] = Float(sin(angle))
            }
        }
        return (Tensor(shape: [n, n], data: cosines), Tensor(shape: [n, n], data: sines))
    }
}
