/// One condition of a ```check block, in a small fixed language the lab evaluates itself.
///
/// ```text
/// exists NAME                      the learner has a variable NAME
/// kind PATH is TYPE                its value is a Tensor, a Linear, a FaceClassifier, …
/// shape PATH == [2, 3]             a tensor's (or a face set's) shape
/// value PATH < 0.02                a number compared with <, <=, >, >=, == or !=
/// value PATH == 6 within 0.001     equal up to a tolerance
/// value PATH > OTHER + 0.05        the right side may be another path, plus or minus a number
/// ```
///
/// A PATH is a variable followed by properties and indexes: `ae`, `x.shape[0]`, `run.losses.mean()`.
/// Only reading is possible: no built-in can be called, nothing can be assigned or written, so a
/// check cannot change the session it judges, and a learner who rebinds a built-in's name
/// (`let mean = 0`) changes nothing a check sees.
public struct CheckCondition: Equatable, Sendable {
    public enum Test: Equatable, Sendable {
        case exists(String)
        case kind(CheckPath, typeName: String)
        case shape(CheckPath, [Int])
        case compare(CheckPath, Comparison, CheckOperand, tolerance: Double?)
    }

    public enum Comparison: String, Equatable, Sendable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    }

    /// The condition as written, for messages.
    public var source: String
    public var line: Int
    public var test: Test
    /// Shown when the condition does not hold: what is wrong and what to try.
    public var hint: String
}

/// `x.shape[0]`: a variable, then members and indexes, read-only.
public struct CheckPath: Equatable, Sendable, CustomStringConvertible {
    public enum Step: Equatable, Sendable {
        case member(String)
        /// A method called without arguments. Only pure reductions are allowed (see `readOnlyMethods`).
        case call(String)
        case index(Int)
    }

    /// Methods that only compute a number from what they are called on.
    public static let readOnlyMethods: Set<String> = ["mean", "sum", "max"]

    public var root: String
    public var steps: [Step]

    public var description: String {
        root + steps.map { step in
            switch step {
            case .member(let name): return "." + name
            case .call(let name): return "." + name + "()"
            case .index(let index): return "[\(index)]"
            }
        }.joined()
    }
}

public enum CheckOperand: Equatable, Sendable {
    case number(Double)
    /// Another value, moved by a constant: `baseline + 0.05`.
    case path(CheckPath, offset: Double)
}

extension CheckCondition {
    /// Reads one condition line; the reason in the error says what was expected.
    public static func parseTest(_ text: String) throws(CheckSyntaxError) -> Test {
        var scanner = CheckScanner(text)
        let keyword = try scanner.word()
        let test: Test
        switch keyword {
        case "exists":
            test = .exists(try scanner.word())
        case "kind":
            let path = try scanner.path()
            try scanner.expect("is")
            test = .kind(path, typeName: try scanner.word())
        case "shape":
            let path = try scanner.path()
            try scanner.expect("==")
            test = .shape(path, try scanner.integerList())
        case "value":
            let path = try scanner.path()
            let comparison = try scanner.comparison()
            let operand = try scanner.operand()
            var tolerance: Double?
            if scanner.peekWord() == "within" {
                _ = try scanner.word()
                tolerance = try scanner.number()
            }
            test = .compare(path, comparison, operand, tolerance: tolerance)
        default:
            throw CheckSyntaxError("it starts with '\(keyword)'; a condition starts with exists, kind, shape or value")
        }
        if !scanner.isAtEnd() { throw CheckSyntaxError("unexpected '\(scanner.rest)' at the end") }
        return test
    }
}

public struct CheckSyntaxError: Error, Equatable, Sendable {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A hand-written scanner for the check language: small enough that a generated parser would
/// be harder to read than this.
struct CheckScanner {
    private var characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    mutating func isAtEnd() -> Bool { skip(); return position >= characters.count }
    var rest: String { String(characters[position...]) }

    private mutating func skip() { while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 } }

    mutating func peekWord() -> String? {
        let saved = position
        defer { position = saved }
        return try? word()
    }

    mutating func word() throws(CheckSyntaxError) -> String {
        skip()
        let start = position
        while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
            position += 1
        }
        guard position > start else { throw CheckSyntaxError(position < characters.count ? "expected a name at '\(rest)'" : "it ends too early") }
        guard characters[start].isLetter || characters[start] == "_" else {
            position = start
            throw CheckSyntaxError("expected a name at '\(rest)'")
        }
        return String(characters[start..<position])
    }

    mutating func expect(_ token: String) throws(CheckSyntaxError) {
        skip()
        let end = position + token.count
        guard end <= characters.count, String(characters[position..<end]) == token else {
            throw CheckSyntaxError(position < characters.count ? "expected '\(token)' at '\(rest)'" : "expected '\(token)' but it ends")
        }
        position = end
    }

    private mutating func take(_ character: Character) -> Bool {
        skip()
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        return true
    }

    mutating func path() throws(CheckSyntaxError) -> CheckPath {
        var path = CheckPath(root: try word(), steps: [])
        while true {
            if position < characters.count, characters[position] == "." {
                position += 1
                let name = try word()
                if position + 1 < characters.count, characters[position] == "(", characters[position + 1] == ")" {
                    position += 2
                    guard CheckPath.readOnlyMethods.contains(name) else {
                        throw CheckSyntaxError("a check may call only " + CheckPath.readOnlyMethods.sorted().map { $0 + "()" }.joined(separator: ", "))
                    }
                    path.steps.append(.call(name))
                } else {
                    path.steps.append(.member(name))
                }
            } else if position < characters.count, characters[position] == "[" {
                position += 1
                let index = try number()
                guard index >= 0, index == index.rounded() else { throw CheckSyntaxError("an index is a whole number from 0") }
                try expect("]")
                path.steps.append(.index(Int(index)))
            } else {
                return path
            }
        }
    }

    mutating func comparison() throws(CheckSyntaxError) -> CheckCondition.Comparison {
        skip()
        // Longest first, so `<=` is not read as `<`.
        for comparison in CheckCondition.Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
            let end = position + comparison.rawValue.count
            if end <= characters.count, String(characters[position..<end]) == comparison.rawValue {
                position = end
                return comparison
            }
        }
        throw CheckSyntaxError("expected one of < <= > >= == != " + (position < characters.count ? "at '\(rest)'" : "but it ends"))
    }

    mutating func number() throws(CheckSyntaxError) -> Double {
        skip()
        let start = position
        if position < characters.count, characters[position] == "-" { position += 1 }
        while position < characters.count, characters[position].isNumber || characters[position] == "." || characters[position] == "e"
                || (characters[position] == "-" && position > start && characters[position - 1] == "e") {
            position += 1
        }
        guard let value = Double(String(characters[start..<position])) else {
            position = start
            throw CheckSyntaxError(position < characters.count ? "expected a number at '\(rest)'" : "expected a number but it ends")
        }
        return value
    }

    mutating func integerList() throws(CheckSyntaxError) -> [Int] {
        try expect("[")
        var values: [Int] = []
        if take("]") { return values }
        repeat {
            let value = try number()
            guard value == value.rounded(), value >= 0 else { throw CheckSyntaxError("a shape holds whole numbers from 0") }
            values.append(Int(value))
        } while take(",")
        try expect("]")
        return values
    }

    mutating func operand() throws(CheckSyntaxError) -> CheckOperand {
        skip()
        if position < characters.count, characters[position].isLetter {
            let path = try path()
            if take("+") { return .path(path, offset: try number()) }
            if take("-") { return .path(path, offset: -(try number())) }
            return .path(path, offset: 0)
        }
        return .number(try number())
    }
}
