import Foundation

/// One-input elementwise functions: exp, log, sqrt, pow and the activations.
///
/// Each is a value function y = f(x) and its slope dy/dx written in terms of x and y
/// (whichever is cheaper: sigmoid's slope is y(1 − y), log's is 1/x). Backward multiplies the
/// incoming gradient by the slope, elementwise — the chain rule for a function of one variable.
extension Tensor {
    /// y = f(x) elementwise, with backward g · slope(x, y).
    ///
    /// The loops run over raw buffer pointers: on arrays, every element access would also pay a
    /// bounds check and a copy-on-write uniqueness check, which cost more than the arithmetic.
    @inline(__always)
    func map(_ op: String, _ f: (Float) -> Float,
             derivative slope: @escaping (_ x: Float, _ y: Float) -> Float) -> Tensor {
        // Large tensors are cut into one piece per thread (each piece writes only its own range).
        let values = data.withUnsafeBufferPointer { x in
            [Float].filled(count: x.count) { y in
                Parallel.forEach(x.count, costPerItem: 4) { range in
                    for i in range { y[i] = f(x[i]) }
                }
            }
        }
        let inputs = data, outputs = values  // saved for backward (copy-on-write: no copy made)
        return Tensor(shape: shape, data: values, origin: Origin(op: op, inputs: [self]) { g in
            let gradient = g.data.withUnsafeBufferPointer { g in
                inputs.withUnsafeBufferPointer { x in
                    outputs.withUnsafeBufferPointer { y in
                        [Float].filled(count: g.count) { dx in
                            Parallel.forEach(g.count, costPerItem: 4) { range in
                                for i in range { dx[i] = g[i] * slope(x[i], y[i]) }
                            }
                        }
                    }
                }
            }
            return [Tensor(shape: g.shape, data: gradient)]
        })
    }

    /// eˣ. dy/dx = y.
    public func exp() -> Tensor { map("exp", { Foundation.exp($0) }, derivative: { _, y in y }) }

    /// ln x (−inf at 0, NaN below, as in PyTorch). dy/dx = 1/x.
    public func log() -> Tensor { map("log", { Foundation.log($0) }, derivative: { x, _ in 1 / x }) }

    /// √x. dy/dx = 1 / (2√x).
    public func sqrt() -> Tensor { map("sqrt", { $0.squareRoot() }, derivative: { _, y in 0.5 / y }) }

    /// xᵖ for a constant exponent. dy/dx = p·xᵖ⁻¹.
    public func pow(_ exponent: Float) -> Tensor {
        map("pow", { Foundation.pow($0, exponent) },
            derivative: { x, _ in exponent * Foundation.pow(x, exponent - 1) })
    }

    /// |x|. dy/dx = sign(x) (0 at 0, as PyTorch).
    public func abs() -> Tensor {
        map("abs", { Swift.abs($0) }, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
    }

    /// max(0, x). dy/dx = 1 where x > 0, else 0.
    public func relu() -> Tensor { map("relu", { Swift.max(0, $0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }

    /// x where x > 0, else slope · x. Keeps a small gradient alive for negative inputs, which
    /// DCGAN's discriminator relies on (Radford et al., 2016).
    public func leakyRelu(_ negativeSlope: Float = 0.01) -> Tensor {
        map("leakyRelu", { $0 > 0 ? $0 : negativeSlope * $0 },
            derivative: { x, _ in x > 0 ? 1 : negativeSlope })
    }

    /// 1 / (1 + e⁻ˣ), computed without overflow for large |x|. dy/dx = y(1 − y).
    public func sigmoid() -> Tensor {
        map("sigmoid", stableSigmoid, derivative: { _, y in y * (1 - y) })
    }

    /// tanh x. dy/dx = 1 − y².
    public func tanh() -> Tensor { map("tanh", { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y }) }

    /// ln(1 + eˣ), a smooth ReLU, computed as max(x, 0) + ln(1 + e^−|x|) so it never overflows.
    /// dy/dx = sigmoid(x).
    public func softplus() -> Tensor {
        map("softplus", { Swift.max($0, 0) + Foundation.log1p(Foundation.exp(-Swift.abs($0))) },
            derivative: { x, _ in stableSigmoid(x) })
    }
}

/// σ(x) without overflow: for x < 0, e^x / (1 + e^x) instead of 1 / (1 + e^−x).
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
}
