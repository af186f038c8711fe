import Models
import Engine
import Foundation

/// Functions on plain numbers, handy for working out learning rates and sizes at the prompt.
extension BuiltinRegistry {
    mutating func registerMath() {
        // Each works on a number, or on every value of a tensor (where nan marks a value outside
        // the domain, as in PyTorch, instead of an error).
        let unary: [(String, String, (Double) -> Double, (Tensor) -> Tensor, String, (Double) -> String?)] = [
            ("sqrt", "the square root", { $0.squareRoot() }, { $0.sqrt() }, "sqrt(2)", { $0 < 0 ? "must not be negative" : nil }),
            ("exp", "e raised to the power x", { Foundation.exp($0) }, { $0.exp() }, "exp(1)", { _ in nil }),
            ("log", "the natural logarithm", { Foundation.log($0) }, { $0.log() }, "log(10)", { $0 <= 0 ? "must be positive" : nil }),
            ("abs", "the absolute value", { Swift.abs($0) }, { $0.abs() }, "abs(-3)", { _ in nil }),
        ]
        for (name, summary, operation, tensorOperation, example, domainProblem) in unary {
            register(Function(name, [.positional("x", "Double or Tensor", "a number or a tensor")], returns: "Double or Tensor",
                              summary: summary) { arguments in
                if case .tensor(let tensor) = arguments.value("x").asTensorIfDataset { return .tensor(tensorOperation(tensor)) }
                let x = try arguments.number("x")
                if let problem = domainProblem(x) { throw arguments.invalid("x", problem) }
                return .number(operation(x))
            }, category: .math, example: example)
        }
        register(Function("pow", [.positional("base", "Double", "the base"), .positional("exponent", "Double", "the power")],
                          returns: "Double", summary: "base raised to exponent") { arguments in
            let base = try arguments.number("base"), exponent = try arguments.number("exponent")
            let result = Foundation.pow(base, exponent)
            // nan and inf have different causes, and each gets its own explanation.
            if result.isNaN && base < 0 {
                throw arguments.invalid("exponent", "must be a whole number when the base is negative "
                    + "(a negative number has no real \(Value.format(exponent)) power; try -pow(\(Value.format(-base)), \(Value.format(exponent))))")
            }
            guard !result.isNaN else { throw arguments.invalid("exponent", "gives nan (not a number)") }
            guard result.isFinite else {
                throw arguments.invalid("exponent", base == 0 ? "must not be negative when the base is 0 (division by zero)"
                                                              : "gives a result too large to represent")
            }
            return .number(result)
        }, category: .math, example: "pow(2, 10)")
    }

    mutating func registerSession() {
        register(Function("outputFolder", returns: "String",
                          summary: "the folder this session writes its files into") { arguments in
            .string(arguments.context.outputFolder.path)
        }, category: .session, example: "outputFolder()")
    }
}
