/// `+ - * /` and unary minus. Numbers follow ordinary arithmetic; strings and lists join with `+`.
extension Evaluator {
    func negate(_ operand: Value, at range: SourceRange) throws -> Value {
        switch operand {
        case .number(let number): return .number(-number)
        default: throw LabError(.negationTypeMismatch(operand.typeDescription), at: range)
        }
    }

    func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .number(try arithmetic(op, a, b, at: range))
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        default:
            throw LabError(.operatorTypeMismatch(operator: op.rawValue, left: left.typeDescription, right: right.typeDescription), at: range)
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
