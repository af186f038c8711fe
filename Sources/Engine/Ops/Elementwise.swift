import Foundation

/// One-input elementwise functions: exp, log, sqrt, pow and the activations.
///
/// Each is a value function y = f(x) and its slope dy/dx written in terms of x and y
/// (whichever is cheaper: sigmoid's slope is y(1 − y), log's is 1/x). Backward multiplies the
/// incoming gradient by the slope, elementwise — the chain rule for a function of one variable.
/// A function of one variable, y = f(x), with its slope dy/dx written in terms of x and y.
///
/// A type rather than a pair of closures: `map` is generic over it, so the compiler makes one copy
/// of `map` per function with `value` and `slope` inlined into its loops. Passed as closures into
/// the threaded loop they cost an indirect call per element and kept the loops from being
/// vectorised (measured: the activations were ~11 % of a dcgan32 step).
protocol ElementwiseFunction {
    func value(_ x: Float) -> Float
    func slope(x: Float, y: Float) -> Float
}

extension Tensor {
    /// y = f(x) elementwise, with backward g · slope(x, y).
    ///
    /// The slope is computed in the forward pass, beside y, while x and y are in registers, and
    /// saved; backward is then a plain product g · slope. In a no-gradient scope the slope is not
    /// computed at all.
    ///
    /// The loops run over raw buffer pointers: on arrays, every element access would also pay a
    /// bounds check and a copy-on-write uniqueness check, which cost more than the arithmetic.
    func map<F: ElementwiseFunction>(_ op: String, _ f: F) -> Tensor {
        let tracked = GradientMode.isEnabled && requiresGrad
        var slopes: [Float] = []
        // Large tensors are cut into one piece per thread (each piece writes only its own range).
        let values = data.withUnsafeBufferPointer { x in
            [Float].filled(count: x.count) { y in
                guard tracked else {
                    Parallel.forEach(x.count, costPerItem: 4) { range in
                        for i in range { y[i] = f.value(x[i]) }
                    }
                    return
                }
                slopes = [Float].filled(count: x.count) { d in
                    Parallel.forEach(x.count, costPerItem: 4) { range in
                        for i in range {
                            y[i] = f.value(x[i])
                            d[i] = f.slope(x: x[i], y: y[i])
                        }
                    }
                }
            }
        }
        return Tensor(shape: shape, data: values, origin: Origin(op: op, inputs: [self]) { [slopes] g in
            let gradient = g.data.withUnsafeBufferPointer { g in
                slopes.withUnsafeBufferPointer { d in
                    [Float].filled(count: g.count) { dx in
                        Parallel.forEach(g.count, costPerItem: 1) { range in
                            for i in range { dx[i] = g[i] * d[i] }
                        }
                    }
                }
            }
            return [Tensor(shape: g.shape, data: gradient)]
        })
    }

    /// eˣ. dy/dx = y.
    public func exp() -> Tensor { map("exp", ExpFunction()) }

    /// ln x (−inf at 0, NaN below, as in PyTorch). dy/dx = 1/x.
    public func log() -> Tensor { map("log", LogFunction()) }

    /// √x. dy/dx = 1 / (2√x).
    public func sqrt() -> Tensor { map("sqrt", SquareRootFunction()) }

    /// xᵖ for a constant exponent. dy/dx = p·xᵖ⁻¹.
    public func pow(_ exponent: Float) -> Tensor { map("pow", PowerFunction(exponent: exponent)) }

    /// |x|. dy/dx = sign(x) (0 at 0, as PyTorch).
    public func abs() -> Tensor { map("abs", AbsoluteFunction()) }

    /// max(0, x). dy/dx = 1 where x > 0, else 0.
    public func relu() -> Tensor { map("relu", ReLUFunction()) }

    /// x where x > 0, else slope · x. Keeps a small gradient alive for negative inputs, which
    /// DCGAN's discriminator relies on (Radford et al., 2016).
    public func leakyRelu(_ negativeSlope: Float = 0.01) -> Tensor {
        map("leakyRelu", LeakyReLUFunction(negativeSlope: negativeSlope))
    }

    /// 1 / (1 + e⁻ˣ), computed without overflow for large |x|. dy/dx = y(1 − y).
    public func sigmoid() -> Tensor { map("sigmoid", SigmoidFunction()) }

    /// tanh x. dy/dx = 1 − y².
    public func tanh() -> Tensor { map("tanh", TanhFunction()) }

    /// ln(1 + eˣ), a smooth ReLU, computed as max(x, 0) + ln(1 + e^−|x|) so it never overflows.
    /// dy/dx = sigmoid(x).
    public func softplus() -> Tensor { map("softplus", SoftplusFunction()) }
}

// The functions themselves: y = value(x), and slope(x, y) = dy/dx.
struct NegationFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { -x }
    func slope(x: Float, y: Float) -> Float { -1 }
}
private struct ExpFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Foundation.exp(x) }
    func slope(x: Float, y: Float) -> Float { y }
}
private struct LogFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Foundation.log(x) }
    func slope(x: Float, y: Float) -> Float { 1 / x }
}
private struct SquareRootFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { x.squareRoot() }
    func slope(x: Float, y: Float) -> Float { 0.5 / y }
}
private struct PowerFunction: ElementwiseFunction {
    let exponent: Float
    func value(_ x: Float) -> Float { Foundation.pow(x, exponent) }
    func slope(x: Float, y: Float) -> Float { exponent * Foundation.pow(x, exponent - 1) }
}
private struct AbsoluteFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Swift.abs(x) }
    func slope(x: Float, y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
private struct ReLUFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Swift.max(0, x) }
    func slope(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
}
private struct LeakyReLUFunction: ElementwiseFunction {
    let negativeSlope: Float
    func value(_ x: Float) -> Float { x > 0 ? x : negativeSlope * x }
    func slope(x: Float, y: Float) -> Float { x > 0 ? 1 : negativeSlope }
}
private struct SigmoidFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { stableSigmoid(x) }
    func slope(x: Float, y: Float) -> Float { y * (1 - y) }
}
private struct TanhFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Foundation.tanh(x) }
    func slope(x: Float, y: Float) -> Float { 1 - y * y }
}
private struct SoftplusFunction: ElementwiseFunction {
    func value(_ x: Float) -> Float { Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))) }
    func slope(x: Float, y: Float) -> Float { stableSigmoid(x) }
}

/// σ(x) without overflow: for x < 0, e^x / (1 + e^x) instead of 1 / (1 + e^−x).
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
}
