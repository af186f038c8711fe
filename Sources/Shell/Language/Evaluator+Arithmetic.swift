import Models
import Engine

/// `+ - * /` and unary minus. Numbers follow ordinary arithmetic; tensors broadcast as the
/// engine does (a number counts as a scalar tensor); strings and lists join with `+`.
extension Evaluator {
    func negate(_ operand: Value, at range: SourceRange) throws -> Value {
        switch operand.asTensorIfDataset {
        case .number(let number): return .number(-number)
        case .tensor(let tensor): return .tensor(-tensor)
        default: throw LabError(.negationTypeMismatch(operand.typeDescription), at: range)
        }
    }

    func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        // A face set takes part in arithmetic as its images.
        let (left, right) = (left.asTensorIfDataset, right.asTensorIfDataset)
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .number(try arithmetic(op, a, b, at: range))
        case (.tensor, .tensor), (.tensor, .number), (.number, .tensor):
            return try locate(at: range) { .tensor(try tensorArithmetic(op, asTensor(left), asTensor(right))) }
        case (.string(let a), .string(let b)) where op == .add:
            try locate(at: range) { try Value.checkConcatenation(left, right) }  // before the copy is made
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            try locate(at: range) { try Value.checkConcatenation(left, right) }
            return .list(a + b)
        default:
            throw LabError(.operatorTypeMismatch(operator: op.rawValue, left: left.typeDescription, right: right.typeDescription), at: range)
        }
    }

    private func asTensor(_ value: Value) -> Tensor {
        switch value {
        case .tensor(let tensor): return tensor
        case .number(let number): return Tensor(Float(number))
        default: preconditionFailure("only numbers and tensors reach tensor arithmetic")
        }
    }

    private func tensorArithmetic(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        // Broadcasting [50000, 1] + [1, 40000] makes 2·10⁹ values: check before the engine allocates.
        if let shape = Shape.broadcast(a.shape, b.shape) {
            try MemoryBudget.check(float32Elements: shape, what: "the result of '\(op.rawValue)' (shape \(shape))")
        }
        switch op {
        case .add: return try a + b
        case .subtract: return try a - b
        case .multiply: return try a * b
        case .divide: return try a / b
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double, at range: SourceRange) throws -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            // inf and nan would silently poison whatever uses the result, so say it at once.
            guard b != 0 else { throw LabError(.divisionByZero, at: range) }
            return a / b
        }
    }
}
