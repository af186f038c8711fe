import Shell
import Engine

/// Decides whether a step's checks hold, by reading the session's variables: nothing else.
///
/// The evaluator follows a check's path itself (variable, properties, indexes, a few pure
/// reductions), so no built-in is ever called and no learner binding can stand in for one.
/// `w.grad` reads the engine's own record of a parameter's gradient, which is why a check on a
/// gradient cannot be met by typing the right number into a variable.
public struct CheckEvaluator {
    public struct Failure: Equatable, Sendable {
        public var condition: CheckCondition
        /// What was found instead: `x has shape [3, 2]`.
        public var found: String
    }

    public let variables: [String: Evaluator.Variable]

    public init(session: Session) {
        variables = session.evaluator.variables
    }

    /// Every condition that does not hold, in order; empty when the step is done.
    public func failures(of checks: [CheckCondition]) -> [Failure] {
        checks.compactMap { condition -> Failure? in
            do throws(Missing) {
                let found = try evaluate(condition.test)
                return found.map { Failure(condition: condition, found: $0) }
            } catch {
                return Failure(condition: condition, found: error.found)
            }
        }
    }

    private struct Missing: Error { var found: String }

    /// nil when the condition holds, else what was found.
    private func evaluate(_ test: CheckCondition.Test) throws(Missing) -> String? {
        switch test {
        case .exists(let name):
            return variables[name] == nil ? "there is no variable \(name) yet" : nil
        case .kind(let path, let typeName):
            let value = try resolve(path)
            return value.typeName == typeName ? nil : "\(path) is \(value.typeDescription), not a \(typeName)"
        case .shape(let path, let expected):
            let shape: [Int]
            switch try resolve(path) {
            case .tensor(let tensor): shape = tensor.shape
            case .object(let object) where object.tensorView != nil: shape = object.tensorView!.shape
            case let other: return "\(path) is \(other.typeDescription), not a tensor"
            }
            return shape == expected ? nil : "\(path) has shape \(shape)"
        case .compare(let path, let comparison, let operand, let tolerance):
            let left = try number(path)
            let right: Double
            switch operand {
            case .number(let value): right = value
            case .path(let other, let offset): right = try number(other) + offset
            }
            let holds: Bool
            switch comparison {
            case .less: holds = left < right
            case .lessOrEqual: holds = left <= right
            case .greater: holds = left > right
            case .greaterOrEqual: holds = left >= right
            case .equal: holds = abs(left - right) <= (tolerance ?? 0)
            case .notEqual: holds = abs(left - right) > (tolerance ?? 0)
            }
            return holds ? nil : "\(path) is \(formatNumber(left))"
        }
    }

    private func number(_ path: CheckPath) throws(Missing) -> Double {
        switch try resolve(path) {
        case .number(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .tensor(let tensor) where tensor.count == 1: return Double(tensor.item)
        case let other: throw Missing(found: "\(path) is \(other.typeDescription), not a number")
        }
    }

    private func resolve(_ path: CheckPath) throws(Missing) -> Value {
        guard var value = variables[path.root]?.value else { throw Missing(found: "there is no variable \(path.root) yet") }
        var walked = CheckPath(root: path.root, steps: [])
        for step in path.steps {
            walked.steps.append(step)
            switch step {
            case .member("grad"):
                guard case .tensor(let tensor) = value, tensor.requiresGrad else {
                    throw Missing(found: "\(walked) does not exist: only a param(…) has a gradient")
                }
                // Before any backward (or after zeroGrad) the gradient is zero, as grad(…) shows it.
                value = .tensor(tensor.grad ?? Tensor(shape: tensor.shape, data: Array(repeating: 0, count: tensor.count)))
            case .member(let name):
                guard let member = try? Members.lookUp(name, in: value, at: SourceRange(line: 1, column: 1)),
                      case .property(let get) = member.kind, let next = try? get(value) else {
                    throw Missing(found: "\(walked) does not exist (\(value.typeDescription) has no property \(name))")
                }
                value = next
            case .call(let name):
                guard case .tensor(let tensor) = value else { throw Missing(found: "\(walked): \(name)() needs a tensor") }
                let reduced: Tensor?
                switch name {
                case "mean": reduced = try? tensor.mean()
                case "sum": reduced = try? tensor.sum()
                default: reduced = try? tensor.max()
                }
                guard let reduced else { throw Missing(found: "\(walked) cannot be computed") }
                value = .number(Double(reduced.item))
            case .index(let index):
                guard case .list(let elements) = value, index < elements.count else {
                    throw Missing(found: "\(walked) does not exist")
                }
                value = elements[index]
            }
        }
        return value
    }
}
