/// The readable reference for the im2col convolution: the definition, written as loops.
///
///     y[n, o, oh, ow] = b[o] + Σ_c Σ_i Σ_j w[o, c, i, j] · x[n, c, oh·s − p + i, ow·s − p + j]
///
/// (terms that fall outside the image are zero: that is what padding means). This is what every
/// deep-learning library calls "convolution", though mathematicians would call it
/// cross-correlation: the kernel is not flipped. It is slow — seven nested loops, no reuse — and
/// kept as the oracle the fast path is tested against.
///
/// - Parameters:
///   - input: x, [N, C, H, W] as a flat row-major array.
///   - weight: w, [O, C, k, k].
///   - bias: b, [O], or nil.
/// - Returns: y, [N, O, Ho, Wo].
func directConvolution(input: [Float], weight: [Float], bias: [Float]?, _ g: ConvolutionGeometry) -> [Float] {
    let k = g.kernelSize
    var output = [Float](repeating: 0, count: g.batch * g.outChannels * g.outputPlane)
    for n in 0..<g.batch {
        for o in 0..<g.outChannels {
            for oh in 0..<g.outputHeight {
                for ow in 0..<g.outputWidth {
                    var sum = bias?[o] ?? 0
                    for c in 0..<g.inChannels {
                        for i in 0..<k {
                            for j in 0..<k {
                                let ih = oh * g.stride - g.padding + i
                                let iw = ow * g.stride - g.padding + j
                                guard ih >= 0, ih < g.inputHeight, iw >= 0, iw < g.inputWidth else { continue }
                                let x = input[((n * g.inChannels + c) * g.inputHeight + ih) * g.inputWidth + iw]
                                sum += weight[((o * g.inChannels + c) * k + i) * k + j] * x
                            }
                        }
                    }
                    output[((n * g.outChannels + o) * g.outputHeight + oh) * g.outputWidth + ow] = sum
                }
            }
        }
    }
    return output
}

/// The readable reference for the transposed convolution: every input pixel scatters a copy of
/// its kernel, scaled by its value, into the output — "stamping" the kernel with stride s.
///
///     y[n, co, h, w] = b[co] + Σ over (ci, ih, iw, i, j) with ih·s − p + i = h, iw·s − p + j = w
///                      of x[n, ci, ih, iw] · w[ci, co, i, j]
///
/// Here the geometry is the *forward* convolution's (its input is this op's output), and the
/// weight is [Cin, Cout, k, k] = [g.outChannels, g.inChannels, k, k], PyTorch's ConvTranspose2d layout.
func directTransposedConvolution(input: [Float], weight: [Float], bias: [Float]?, _ g: ConvolutionGeometry) -> [Float] {
    let k = g.kernelSize
    var output = [Float](repeating: 0, count: g.batch * g.inChannels * g.inputHeight * g.inputWidth)
    for n in 0..<g.batch {
        for co in 0..<g.inChannels {
            for h in 0..<g.inputHeight {
                for w in 0..<g.inputWidth {
                    output[((n * g.inChannels + co) * g.inputHeight + h) * g.inputWidth + w] = bias?[co] ?? 0
                }
            }
        }
        for ci in 0..<g.outChannels {
            for ih in 0..<g.outputHeight {
                for iw in 0..<g.outputWidth {
                    let x = input[((n * g.outChannels + ci) * g.outputHeight + ih) * g.outputWidth + iw]
                    for co in 0..<g.inChannels {
                        for i in 0..<k {
                            for j in 0..<k {
                                let h = ih * g.stride - g.padding + i, w = iw * g.stride - g.padding + j
                                guard h >= 0, h < g.inputHeight, w >= 0, w < g.inputWidth else { continue }
                                output[((n * g.inChannels + co) * g.inputHeight + h) * g.inputWidth + w]
                                    += x * weight[((ci * g.inChannels + co) * k + i) * k + j]
                            }
                        }
                    }
                }
            }
        }
    }
    return output
}
