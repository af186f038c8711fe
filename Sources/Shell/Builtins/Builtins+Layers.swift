import Models
import Engine

/// Layers and `Sequential`, under PyTorch's names, so `Conv2d(3, 32, kernel: 4, stride: 2, padding: 1)`
/// reads like `nn.Conv2d(3, 32, kernel_size=4, stride=2, padding=1)`.
extension BuiltinRegistry {
    mutating func registerLayers() {
        register(Function("Linear", [.positional("inFeatures", "Int", "size of each input row"),
                                     .positional("outFeatures", "Int", "size of each output row"),
                                     .labelled("bias", "Bool", default: .bool(true), "whether to learn an offset")],
                          returns: "Layer", summary: "a fully connected layer: y = x·Wᵀ + b") { arguments in
            let input = try arguments.integer("inFeatures", in: 1...Int(Int32.max))
            let output = try arguments.integer("outFeatures", in: 1...Int(Int32.max))
            try MemoryBudget.check(float32Elements: [input, output], what: "Linear(\(input), \(output))'s weight")
            return .layer(try Linear(input, output, bias: try arguments.bool("bias")))
        }, category: .layers, example: "let classifier = Linear(784, 10)")

        let convolutionParameters: [Parameter] = [
            .positional("inChannels", "Int", "channels of the input image"),
            .positional("outChannels", "Int", "channels (feature maps) it produces"),
            .labelled("kernel", "Int", "height and width of each filter"),
            .labelled("stride", "Int", default: .number(1), "step between filter positions"),
            .labelled("padding", "Int", default: .number(0), "zeros added around the input"),
        ]
        register(Function("Conv2d", convolutionParameters, returns: "Layer",
                          summary: "a 2-D convolution: slides learned filters over an image") { arguments in
            let (input, output, kernel, stride, padding) = try convolutionSizes(arguments)
            return .layer(try Conv2d(input, output, kernelSize: kernel, stride: stride, padding: padding))
        }, category: .layers, example: "Conv2d(3, 32, kernel: 4, stride: 2, padding: 1)")
        register(Function("ConvTranspose2d", convolutionParameters, returns: "Layer",
                          summary: "a transposed convolution: upsamples, the decoder's mirror of Conv2d") { arguments in
            let (input, output, kernel, stride, padding) = try convolutionSizes(arguments)
            return .layer(try ConvTranspose2d(input, output, kernelSize: kernel, stride: stride, padding: padding))
        }, category: .layers, example: "ConvTranspose2d(32, 3, kernel: 4, stride: 2, padding: 1)")

        register(Function("BatchNorm2d", [.positional("channels", "Int", "channels of the input")], returns: "Layer",
                          summary: "normalises each channel over the batch, then scales and shifts it") { arguments in
            .layer(try BatchNorm2d(try arguments.integer("channels", in: 1...1 << 24)))
        }, category: .layers, example: "BatchNorm2d(64)")
        register(Function("BatchNorm1d", [.positional("features", "Int", "features of the input")], returns: "Layer",
                          summary: "normalises each feature over the batch, then scales and shifts it") { arguments in
            .layer(try BatchNorm1d(try arguments.integer("features", in: 1...1 << 24)))
        }, category: .layers, example: "BatchNorm1d(128)")
        register(Function("MaxPool2d", [.positional("kernel", "Int", "size of each pooling window")], returns: "Layer",
                          summary: "keeps the largest value of each window, halving the size for kernel 2") { arguments in
            .layer(MaxPool2d(kernelSize: try arguments.integer("kernel", in: 1...1024)))
        }, category: .layers, example: "MaxPool2d(2)")
        register(Function("Upsample", [.labelled("scale", "Double", default: .number(2), "how many times larger"),
                                       .labelled("mode", "String", default: .string("nearest"), "\"nearest\" or \"bilinear\"")],
                          returns: "Layer", summary: "enlarges images by a factor") { arguments in
            let scale = try arguments.number("scale")
            guard scale > 0, scale <= 64 else { throw arguments.invalid("scale", "must be between 0 and 64") }
            guard let mode = UpsamplingMode(rawValue: try arguments.string("mode")) else {
                throw arguments.invalid("mode", "must be \"nearest\" or \"bilinear\"")
            }
            return .layer(Upsample(scaleFactor: Float(scale), mode: mode))
        }, category: .layers, example: "Upsample(scale: 2)")
        registerShapeLayers()
        registerActivations()
        register(Function("Sequential", [.positional("layers", "Layer", variadic: true, "the layers, applied in order")],
                          returns: "Layer", summary: "layers applied one after another") { arguments in
            let layers = try arguments.variadic.map { argument -> any Layer in
                guard case .layer(let layer) = argument.value else {
                    throw LabError(.argumentType(function: "Sequential", parameter: "layers", expected: "a layer",
                                                 given: argument.value.typeDescription), at: argument.range)
                }
                return layer
            }
            try SequentialCheck.validate(layers, ranges: arguments.variadic.map(\.range))
            return .layer(Sequential(layers))
        }, category: .layers, example: "Sequential(Linear(784, 128), ReLU(), Linear(128, 10))")
    }

    private mutating func registerShapeLayers() {
        register(Function("Flatten", returns: "Layer", summary: "[N, C, H, W] → [N, C·H·W], between conv and linear layers") { _ in
            .layer(Flatten())
        }, category: .layers, example: "Flatten()")
        register(Function("Reshape", [.positional("shape", "[Int]", "the shape of each example (batch axis excluded)")],
                          returns: "Layer", summary: "reads each example with another shape") { arguments in
            .layer(try Reshape(try arguments.integers("shape", in: -1...Int(Int32.max))))
        }, category: .layers, example: "Reshape([64, 4, 4])")
        register(Function("Dropout", [.positional("p", "Double", default: .number(0.5), "the chance each value is zeroed")],
                          returns: "Layer", summary: "zeroes random values while training, against overfitting") { arguments in
            .layer(try Dropout(p: Float(try arguments.number("p"))))
        }, category: .layers, example: "Dropout(0.5)")
    }

    private mutating func registerActivations() {
        let plain: [(String, String, () -> any Layer)] = [
            ("ReLU", "max(0, x): passes positives, zeroes negatives", { ReLU() }),
            ("Sigmoid", "1 / (1 + e^-x): squashes to (0, 1), for probabilities", { Sigmoid() }),
            ("Tanh", "squashes to (-1, 1), the usual last layer of an image generator", { Tanh() }),
        ]
        for (name, summary, make) in plain {
            register(Function(name, returns: "Layer", summary: summary) { _ in .layer(make()) },
                     category: .layers, example: "\(name)()")
        }
        register(Function("LeakyReLU", [.positional("negativeSlope", "Double", default: .number(0.01), "slope for negative inputs")],
                          returns: "Layer", summary: "like ReLU but lets a little of the negatives through (GAN discriminators)") { arguments in
            .layer(LeakyReLU(negativeSlope: Float(try arguments.number("negativeSlope"))))
        }, category: .layers, example: "LeakyReLU(0.2)")
    }
}

private func convolutionSizes(_ arguments: CallArguments) throws -> (Int, Int, Int, Int, Int) {
    let input = try arguments.integer("inChannels", in: 1...1 << 20)
    let output = try arguments.integer("outChannels", in: 1...1 << 20)
    let kernel = try arguments.integer("kernel", in: 1...1024)
    try MemoryBudget.check(float32Elements: [output, input, kernel, kernel], what: "\(arguments.function.name)'s weight")
    return (input, output, kernel, try arguments.integer("stride", in: 1...1024), try arguments.integer("padding", in: 0...1024))
}
