import Models
import Engine

/// Making tensors at the prompt: `zeros([2, 3])`, `randn([4, 8], std: 0.02)`, `tensor([[1, 2], [3, 4]])`.
extension BuiltinRegistry {
    mutating func registerTensors() {
        let shape = Parameter.positional("shape", "[Int]", "the size along each axis, e.g. [2, 3]")
        for (name, fill, summary) in [("zeros", Float(0), "a tensor filled with 0"), ("ones", Float(1), "a tensor filled with 1")] {
            register(Function(name, [shape], returns: "Tensor", summary: summary) { arguments in
                let sizes = try arguments.integers("shape")
                try MemoryBudget.check(float32Elements: sizes, what: "a tensor of shape \(sizes)")
                return .tensor(try Tensor.full(sizes, value: fill))
            }, category: .tensors, example: "\(name)([2, 3])")
        }
        register(Function("randn", [shape, .labelled("mean", "Double", default: .number(0), "the mean of the values"),
                                    .labelled("std", "Double", default: .number(1), "their standard deviation")],
                          returns: "Tensor", summary: "random values from a normal distribution (see seed)") { arguments in
            let sizes = try arguments.integers("shape")
            try MemoryBudget.check(float32Elements: sizes, what: "a tensor of shape \(sizes)")
            return .tensor(try Tensor.randn(sizes, mean: Float(try arguments.number("mean")), std: Float(try arguments.number("std"))))
        }, category: .tensors, example: "let noise = randn([16, 100])")
        register(Function("tensor", [.positional("values", "[Double]", "numbers, or nested lists of equal length")],
                          returns: "Tensor", summary: "a tensor from a (nested) list of numbers") { arguments in
            let (values, sizes) = try BuiltinRegistry.flatten(arguments.value("values"), arguments: arguments)
            return .tensor(try Tensor(validating: values, shape: sizes))
        }, category: .tensors, example: "tensor([[1, 2], [3, 4]])")
        register(Function("seed", [.positional("n", "Int", "any whole number")], returns: "Nothing",
                          summary: "restarts the random generator, so what follows is reproducible") { arguments in
            Random.seed(UInt64(try arguments.integer("n", in: 0...Int.max >> 1)))
            return .nothing
        }, category: .tensors, example: "seed(42)")
    }

    /// Reads nested lists into row-major values and a shape, checking every row has the same length.
    private static func flatten(_ value: Value, arguments: CallArguments) throws -> ([Float], [Int]) {
        switch value {
        case .number(let number):
            return ([Float(number)], [])
        case .list(let elements):
            var values: [Float] = []
            var innerShape: [Int]?
            for element in elements {
                let (inner, shape) = try flatten(element, arguments: arguments)
                if let innerShape, innerShape != shape {
                    throw arguments.invalid("values", "rows must all have the same length (\(innerShape) vs \(shape))")
                }
                innerShape = shape
                values += inner
            }
            return (values, [elements.count] + (innerShape ?? []))
        default:
            throw LabError(.argumentType(function: "tensor", parameter: "values", expected: "numbers or lists of numbers",
                                         given: value.typeDescription), at: arguments.range(of: "values"))
        }
    }
}
