import Models
/// The one place where errors become text. Every message follows the same shape:
///
///     error: unknown name 'Conv2D' — did you mean Conv2d?
///       let layer = Conv2D(3, 32)
///                   ^~~~~~
///
/// the message on one line (what went wrong, what was expected, a fix), then the line quoted
/// with the mistake underlined. Scripts put `file:line:column:` in front, like a compiler.
extension LabError.Reason {
    public var message: String {
        switch self {
        case .unexpectedCharacter(let character):
            return "unexpected character '\(character)'"
        case .shellEscapeNotAvailable:
            return "there is no shell escape in lab — run shell commands in another terminal"
        case .unterminatedString:
            return "this string has no closing '\"' — strings end on the line they start"
        case .invalidNumber(let text):
            return "'\(text)' is not a number lab can represent"
        case .unexpectedToken(let found, let expected):
            return "expected \(expected), found \(found)"
        case .tooDeeplyNested(let limit):
            return "brackets nest more than \(limit) deep — split this into several lines with let"
        case .expressionTooLong(let limit):
            return "this expression chains more than \(limit) operations — split it into several lines with let"
        case .unclosedBracket:
            return "the input ended in the middle of a statement — close its brackets or finish the expression"
        case .unknownName(let name, let suggestion):
            return "unknown name '\(name)'" + Self.didYouMean(suggestion, otherwise: " — type help to list the built-ins, vars for your variables")
        case .unknownMember(let name, let typeName, let suggestion, let available):
            let listing = available.isEmpty ? " — it has no members" : " — its members are " + available.joined(separator: ", ")
            return "\(typeName) has no member '\(name)'" + Self.didYouMean(suggestion, otherwise: listing)
        case .constantReassignment(let name):
            return "'\(name)' is a let constant and cannot change — declare it with var to reassign it"
        case .assignmentToUndeclared(let name):
            return "'\(name)' is not declared yet — write let \(name) = … (or var to change it later)"
        case .unknownHelpTopic(let name, let suggestion):
            return "no help for '\(name)'" + Self.didYouMean(suggestion, otherwise: " — type help to list the built-ins")
        case .operatorTypeMismatch(let symbol, let left, let right):
            return "cannot apply '\(symbol)' to \(left) and \(right)"
        case .negationTypeMismatch(let type):
            return "cannot negate \(type) — unary '-' works on numbers and tensors"
        case .divisionByZero:
            return "division by zero"
        case .notCallable(let type):
            return "\(type) is not a function and cannot be called"
        case .notIndexable(let type):
            return "\(type) cannot be indexed with [ ]"
        case .invalidSlice(let lower, let upper):
            return "the slice \(lower)..<\(upper) ends before it starts — write the smaller index first"
        case .indexOutOfRange(let index, let count):
            return "index \(index) is out of range — valid indices are 0 to \(count - 1)" + (count == 0 ? " (it is empty)" : "")
        case .missingArgument(let function, let parameter, let signature):
            return "\(function) needs a value for '\(parameter)' — \(signature)"
        case .unknownArgumentLabel(let function, let label, let suggestion):
            return "\(function) has no argument '\(label)'" + Self.didYouMean(suggestion, otherwise: " — type help \(function)")
        case .missingArgumentLabel(let function, let label):
            return "\(function): write the label for this argument — \(label): …"
        case .unexpectedArgumentLabel(let function, let label):
            return "\(function): this argument takes no label — remove '\(label):'"
        case .tooManyArguments(let function, let maximum, let given):
            return "\(function) takes at most \(maximum) unlabelled argument\(maximum == 1 ? "" : "s") but got \(given) — type help \(function)"
        case .duplicateArgument(let function, let label):
            return "\(function): '\(label)' is given twice"
        case .argumentType(let function, let parameter, let expected, let given):
            return "\(function): '\(parameter)' must be \(expected), not \(given)"
        case .invalidArgument(let function, let parameter, let reason):
            return "\(function): '\(parameter)' \(reason)"
        case .layerMismatch(let layer, let index, let expected, let got, let unit, let fromIndex):
            return "\(layer) (layer \(index)) expects \(expected) \(unit) but got \(got) from layer \(fromIndex) — make them match"
        case .valueTooDeep(let limit):
            return "this list would nest more than \(limit) lists deep — keep lists flat, or use a tensor"
        case .writeOutsideOutputFolder(let path, let folder):
            return "scripts may only write inside the session folder \(folder), not \(path) — use a plain file name"
        case .fileProblem(let path, let reason):
            return "\(path): \(reason)"
        case .engine(let error):
            return error.description
        case .failure(let description):
            return description
        }
    }

    private static func didYouMean(_ suggestion: String?, otherwise: String) -> String {
        suggestion.map { " — did you mean \($0)?" } ?? otherwise
    }
}

extension LabError {
    /// The full message: `error: …`, then the offending line with a caret under the mistake.
    ///
    /// - Parameters:
    ///   - sourceLines: the lines of the cell or script the range refers to.
    ///   - fileName: set for scripts, giving `file:line:column: error: …`.
    public func rendered(sourceLines: [String], fileName: String? = nil) -> String {
        var header = "error: " + reason.message
        if let fileName {
            let place = range.map { "\($0.line):\($0.column):" } ?? ""
            header = "\(fileName):\(place) " + header
        }
        guard let range, range.line >= 1, range.line <= sourceLines.count else { return header }
        let line = sourceLines[range.line - 1]
        let available = max(1, line.count - range.column + 1)
        let underline = "^" + String(repeating: "~", count: max(0, min(range.length, available) - 1))
        let indent = String(repeating: " ", count: max(0, range.column - 1))
        return header + "\n  " + line + "\n  " + indent + underline
    }
}
