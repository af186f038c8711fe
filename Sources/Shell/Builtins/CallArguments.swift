import Models
import Engine

/// The arguments of one call, matched to the function's parameters, with typed accessors that
/// explain a wrong argument in the learner's terms (`Conv2d: 'kernel' must be an integer, not a string`).
public struct CallArguments {
    public let function: Function
    /// What the call may touch: the session's output folder and write policy.
    public let context: SessionContext
    private var values: [String: (value: Value, range: SourceRange?)] = [:]
    /// The values a variadic parameter collected, in order.
    public private(set) var variadic: [(value: Value, range: SourceRange)] = []
    /// Arguments the learner wrote as a bare variable name, by where they were written, so a
    /// built-in can quote back a command they can type (`rollBack(hasty)`).
    var spelledNames: [(range: SourceRange, name: String)] = []

    /// Matches arguments to parameters the way Swift does, but forgiving about the order of
    /// labelled arguments: unlabelled ones fill unlabelled parameters left to right, labelled ones
    /// go by label, and anything not given takes its default.
    public init(binding arguments: [(label: String?, value: Value, range: SourceRange)],
                to function: Function, context: SessionContext) throws {
        self.function = function
        self.context = context
        let name = function.name
        var unlabelled = function.parameters.filter { $0.label == nil }[...]
        for argument in arguments {
            if let label = argument.label {
                guard let parameter = function.parameters.first(where: { $0.label == label }) else {
                    if function.parameters.contains(where: { $0.label == nil && $0.name == label }) {
                        throw LabError(.unexpectedArgumentLabel(function: name, label: label), at: argument.range)
                    }
                    let suggestion = Suggestions.closest(to: label, among: function.parameters.compactMap(\.label))
                    throw LabError(.unknownArgumentLabel(function: name, label: label, suggestion: suggestion), at: argument.range)
                }
                guard values[parameter.name] == nil else {
                    throw LabError(.duplicateArgument(function: name, label: label), at: argument.range)
                }
                values[parameter.name] = (argument.value, argument.range)
            } else if let parameter = unlabelled.first {
                if parameter.isVariadic {
                    variadic.append((argument.value, argument.range))
                } else {
                    values[parameter.name] = (argument.value, argument.range)
                    unlabelled = unlabelled.dropFirst()
                }
            } else if let next = function.parameters.first(where: { $0.label != nil && values[$0.name] == nil }) {
                throw LabError(.missingArgumentLabel(function: name, label: next.name), at: argument.range)
            } else {
                let maximum = function.parameters.filter { $0.label == nil }.count
                let given = arguments.filter { $0.label == nil }.count
                throw LabError(.tooManyArguments(function: name, maximum: maximum, given: given), at: argument.range)
            }
        }
        for parameter in function.parameters where values[parameter.name] == nil && !parameter.isVariadic {
            guard let defaultValue = parameter.defaultValue else {
                throw LabError(.missingArgument(function: name, parameter: parameter.name, signature: function.signature))
            }
            values[parameter.name] = (defaultValue, nil)
        }
    }

    /// Where the argument for `name` was written, so a bad value gets its own caret.
    public func range(of name: String) -> SourceRange? {
        values[name]?.range
    }

    /// The variable name the learner wrote for parameter `name`, if they wrote a bare name.
    public func writtenName(of name: String) -> String? {
        guard let range = range(of: name) else { return nil }
        return spelledNames.first { $0.range == range }?.name
    }

    public func value(_ name: String) -> Value {
        values[name]?.value ?? .nothing
    }

    private func mismatch(_ name: String, expected: String, given: Value) -> LabError {
        LabError(.argumentType(function: function.name, parameter: name, expected: expected, given: given.typeDescription),
                 at: range(of: name))
    }

    public func invalid(_ name: String, _ reason: String) -> LabError {
        LabError(.invalidArgument(function: function.name, parameter: name, reason: reason), at: range(of: name))
    }

    public func number(_ name: String) throws -> Double {
        guard case .number(let number) = value(name) else { throw mismatch(name, expected: "a number", given: value(name)) }
        return number
    }

    /// A whole number within `range`. Checked before converting, because `Int(1e300)` would trap.
    public func integer(_ name: String, in allowed: ClosedRange<Int> = 0...Int(Int32.max)) throws -> Int {
        let number = try number(name)
        guard number == number.rounded() else { throw mismatch(name, expected: "a whole number", given: value(name)) }
        guard number >= Double(allowed.lowerBound), number <= Double(allowed.upperBound) else {
            throw invalid(name, "must be between \(allowed.lowerBound) and \(allowed.upperBound), not \(Value.number(number).shortDescription)")
        }
        return Int(number)
    }

    public func tensor(_ name: String) throws -> Tensor {
        guard case .tensor(let tensor) = value(name).asTensorIfDataset else { throw mismatch(name, expected: "a tensor", given: value(name)) }
        return tensor
    }

    public func layer(_ name: String) throws -> any Layer {
        guard case .layer(let layer) = value(name) else { throw mismatch(name, expected: "a layer or model", given: value(name)) }
        return layer
    }

    public func string(_ name: String) throws -> String {
        guard case .string(let text) = value(name) else { throw mismatch(name, expected: "a string", given: value(name)) }
        return text
    }

    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let flag) = value(name) else { throw mismatch(name, expected: "true or false", given: value(name)) }
        return flag
    }

    /// A list of whole numbers, such as a shape `[2, 3]`; a single number counts as a list of one.
    public func integers(_ name: String, in allowed: ClosedRange<Int> = 0...Int(Int32.max)) throws -> [Int] {
        let elements: [Value]
        switch value(name) {
        case .list(let list): elements = list
        case .number: elements = [value(name)]
        default: throw mismatch(name, expected: "a list of whole numbers", given: value(name))
        }
        return try elements.map { element in
            guard case .number(let number) = element, number == number.rounded() else {
                throw mismatch(name, expected: "a list of whole numbers", given: value(name))
            }
            guard number >= Double(allowed.lowerBound), number <= Double(allowed.upperBound) else {
                throw invalid(name, "entries must be between \(allowed.lowerBound) and \(allowed.upperBound)")
            }
            return Int(number)
        }
    }
}
