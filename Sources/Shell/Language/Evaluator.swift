import Models
import Engine

/// Runs statements: keeps the variables, looks names up, calls built-ins.
///
/// A failing statement throws before it changes anything, so an error never loses a variable:
/// `let x = broken()` leaves the old `x` in place.
public final class Evaluator {
    public struct Variable {
        public var value: Value
        public var isConstant: Bool
    }

    /// What one statement produced, for the session to print.
    public enum Outcome {
        case value(Value)
        case bound(name: String, value: Value)
        case text(String)
        case quit
    }

    public private(set) var variables: [String: Variable] = [:]
    public let registry: BuiltinRegistry
    public let context: SessionContext

    public init(registry: BuiltinRegistry = .standard(), context: SessionContext) {
        self.registry = registry
        self.context = context
    }

    public func execute(_ statement: Statement) throws -> Outcome {
        switch statement {
        case .declaration(let isConstant, let name, let expression, _):
            // Re-running `let x = …` replaces x, as re-running a notebook cell does.
            let value = try evaluate(expression)
            variables[name] = Variable(value: value, isConstant: isConstant)
            if case .layer = value { context.hasUnsavedWork = true }
            return .bound(name: name, value: value)
        case .assignment(let name, let expression, let range):
            guard let existing = variables[name] else {
                // `sqrt = 3` would silently hide a built-in; `let sqrt = 3` says it on purpose.
                throw LabError(.assignmentToUndeclared(name), at: range)
            }
            guard !existing.isConstant else { throw LabError(.constantReassignment(name), at: range) }
            let value = try evaluate(expression)
            variables[name]?.value = value
            if case .layer = value { context.hasUnsavedWork = true }
            return .bound(name: name, value: value)
        case .expression(let expression):
            return .value(try evaluate(expression))
        case .command(let command, let range):
            return try run(command, at: range)
        }
    }

    private func run(_ command: Command, at range: SourceRange) throws -> Outcome {
        switch command {
        case .help(nil):
            return .text(registry.overview())
        case .help(let topic?):
            do { return .text(try registry.help(for: topic)) } catch let error as LabError { throw error.located(at: range) }
        case .variables:
            guard !variables.isEmpty else { return .text("no variables yet — try let x = 1") }
            let lines = variables.keys.sorted().map { name in
                let variable = variables[name]!
                return (variable.isConstant ? "let " : "var ") + name + " = " + variable.value.shortDescription
            }
            return .text(lines.joined(separator: "\n"))
        case .quit:
            return .quit
        }
    }

    /// Every name visible at the prompt: variables first, then built-ins.
    public var visibleNames: [String] {
        variables.keys.sorted() + registry.names
    }

    public func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .number(let number, _): return .number(number)
        case .string(let text, _): return .string(text)
        case .bool(let flag, _): return .bool(flag)
        case .name(let name, let range):
            if let variable = variables[name] { return variable.value }
            if let builtin = registry[name] { return .function(builtin.function) }
            let suggestion = Suggestions.closest(to: name, among: visibleNames)
            throw LabError(.unknownName(name, suggestion: suggestion), at: range)
        case .list(let elements, let range):
            let list = Value.list(try elements.map(evaluate))
            try locate(at: range) { try list.checkBudget() }
            return list
        case .negate(let operand, let range):
            return try negate(try evaluate(operand), at: range)
        case .binary(let op, let left, let right, let range):
            return try apply(op, try evaluate(left), try evaluate(right), at: range)
        case .call(let callee, let arguments, let range):
            return try call(callee, arguments, at: range)
        case .member(let receiver, let name, let range):
            let value = try evaluate(receiver)
            let member = try Members.lookUp(name, in: value, at: range)
            switch member.kind {
            case .property(let get): return try locate(at: range) { try get(value) }
            case .method(let bind): return .function(bind(value))
            }
        case .index(let receiver, let index, let range):
            return try subscriptValue(try evaluate(receiver), try evaluate(index), at: range)
        case .slice(let receiver, let lower, let upper, let range):
            return try sliceValue(try evaluate(receiver), lower: try lower.map { try evaluate($0) } ?? .number(0),
                                  upper: try evaluate(upper), at: range)
        }
    }

    private func call(_ callee: Expression, _ arguments: [ArgumentExpression], at range: SourceRange) throws -> Value {
        let calleeValue = try evaluate(callee)
        if case .layer(let layer) = calleeValue { return try run(layer, arguments, at: range) }
        guard case .function(let function) = calleeValue else {
            throw LabError(.notCallable(calleeValue.typeDescription), at: range)
        }
        let values = try arguments.map { (label: $0.label, value: try evaluate($0.value), range: $0.range) }
        return try locate(at: range) {
            var bound = try CallArguments(binding: values, to: function, context: context)
            bound.spelledNames = arguments.compactMap { argument in
                if case .name(let name, _) = argument.value { return (argument.range, name) } else { return nil }
            }
            return try function.body(bound)
        }
    }

    /// `model(x)`: a forward pass. Without gradient tracking, since nothing at the prompt calls
    /// backward, and the graph would hold every intermediate tensor in memory.
    private func run(_ layer: any Layer, _ arguments: [ArgumentExpression], at range: SourceRange) throws -> Value {
        let name = Value.layerTypeName(layer)
        let function = Function(name, [.positional("input", "Tensor", "the input batch")], returns: "Tensor",
                                summary: "runs the layer") { _ in .nothing }
        let values = try arguments.map { (label: $0.label, value: try evaluate($0.value), range: $0.range) }
        return try locate(at: range) {
            let bound = try CallArguments(binding: values, to: function, context: context)
            let input = try bound.tensor("input")
            return .tensor(try GradientMode.withoutGradients { try layer(input) })
        }
    }

    /// Gives errors raised without a position (inside a built-in) the position of the call.
    func locate<T>(at range: SourceRange, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as LabError {
            throw error.located(at: range)
        } catch let error as EngineError {
            throw LabError(.engine(error), at: range)
        } catch {
            throw LabError(.failure(String(describing: error)), at: range)
        }
    }

    /// `list[i]`, `model[i]` (a Sequential's layer), `x[i]` (a tensor, or a face set, along its
    /// first axis, as NumPy and PyTorch index: `faces[0]` is one picture `[3, 32, 32]`).
    private func subscriptValue(_ receiver: Value, _ index: Value, at range: SourceRange) throws -> Value {
        if case .tensor(let tensor) = receiver.asTensorIfDataset {
            let position = try wholeIndex(index, receiver, count: tensor.shape.first ?? 0, allowingEnd: false, at: range)
            return .tensor(try tensor.sliced(axis: 0, position..<(position + 1)).reshaped(Array(tensor.shape.dropFirst())))
        }
        let elements = try indexableElements(receiver, at: range)
        return elements[try wholeIndex(index, receiver, count: elements.count, allowingEnd: false, at: range)]
    }

    /// `x[a..<b]`: the same kinds of value as `x[i]`, keeping the first axis (`faces[0..<4]` is
    /// `[4, 3, 32, 32]`; a list's slice is a list).
    private func sliceValue(_ receiver: Value, lower: Value, upper: Value, at range: SourceRange) throws -> Value {
        if case .tensor(let tensor) = receiver.asTensorIfDataset {
            let count = tensor.shape.first ?? 0
            let (from, to) = (try wholeIndex(lower, receiver, count: count, allowingEnd: true, at: range),
                              try wholeIndex(upper, receiver, count: count, allowingEnd: true, at: range))
            guard from <= to else { throw LabError(.invalidSlice(lower: from, upper: to), at: range) }
            return .tensor(try tensor.sliced(axis: 0, from..<to))
        }
        let elements = try indexableElements(receiver, at: range)
        let (from, to) = (try wholeIndex(lower, receiver, count: elements.count, allowingEnd: true, at: range),
                          try wholeIndex(upper, receiver, count: elements.count, allowingEnd: true, at: range))
        guard from <= to else { throw LabError(.invalidSlice(lower: from, upper: to), at: range) }
        return .list(Array(elements[from..<to]))
    }

    private func indexableElements(_ receiver: Value, at range: SourceRange) throws -> [Value] {
        switch receiver {
        case .list(let list): return list
        case .layer(let sequential as Sequential): return sequential.layers.map(Value.layer)  // model[0]
        default: throw LabError(.notIndexable(receiver.typeDescription), at: range)
        }
    }

    /// A whole number from 0 to `count − 1` (to `count` for a slice's end), or a clear error.
    private func wholeIndex(_ index: Value, _ receiver: Value, count: Int, allowingEnd: Bool, at range: SourceRange) throws -> Int {
        guard case .number(let number) = index, number == number.rounded(), abs(number) < 1e15 else {
            throw LabError(.operatorTypeMismatch(operator: "[ ]", left: receiver.typeDescription, right: index.typeDescription), at: range)
        }
        guard number >= 0, Int(number) < count + (allowingEnd ? 1 : 0) else {
            throw LabError(.indexOutOfRange(index: Int(number), count: count), at: range)
        }
        return Int(number)
    }
}
