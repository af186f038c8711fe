import Engine

/// Strings and lists are bounded like tensors, by the engine's one memory policy.
///
/// A tensor's size is known before it is allocated; a string or list grows by steps a learner
/// can repeat: `s = s + s` doubles a string, `a = [a, a]` doubles a list (the two halves are
/// shared in memory but count twice when printed or converted), and `a = [a]` thirty thousand
/// times nests deeper than any recursion can follow. So every string and list the evaluator
/// builds is measured: its bytes (every element of nested lists counted, shared or not) against
/// `MemoryBudget.bytesPerTextOrList`, its nesting against `Parser.maximumNesting` — the same
/// limit the parser puts on brackets typed in one line.
extension Value {
    /// Throws unless this value fits the budget. Stops measuring as soon as it does not fit, so
    /// the check itself is bounded too.
    func checkBudget() throws {
        var bytes = 0
        try measure(depth: 0, bytes: &bytes)
        try Value.checkBytes(bytes, of: self)
    }

    /// Throws unless `left + right` (two strings or two lists) fits, before it is built.
    static func checkConcatenation(_ left: Value, _ right: Value) throws {
        var bytes = 0
        try left.measure(depth: 0, bytes: &bytes)
        try right.measure(depth: 0, bytes: &bytes)
        try checkBytes(bytes, of: left)
    }

    /// Memory a value takes when counted as it would print: the characters of strings, and one
    /// slot per element of every list.
    private func measure(depth: Int, bytes: inout Int) throws {
        switch self {
        case .string(let text), .text(let text):
            bytes += text.utf8.count
        case .list(let elements):
            guard depth < Parser.maximumNesting else { throw LabError(.valueTooDeep(limit: Parser.maximumNesting)) }
            bytes += elements.count * MemoryLayout<Value>.stride
            for element in elements where bytes <= MemoryBudget.bytesPerTextOrList {
                try element.measure(depth: depth + 1, bytes: &bytes)
            }
        default:
            break
        }
    }

    private static func checkBytes(_ bytes: Int, of value: Value) throws {
        // A string's size is counted exactly; a list's count stops at the budget.
        if case .list = value {
            try MemoryBudget.check(textOrListBytes: bytes, exact: false, what: "this list")
        } else {
            try MemoryBudget.check(textOrListBytes: bytes, what: "this string")
        }
    }
}
