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
    /// Throws unless this value fits the budget.
    func checkBudget() throws {
        var sizes = Sizes()
        try Value.check(sizes.measure(self), of: self)
    }

    /// Throws unless `left + right` (two strings or two lists) fits, before it is built.
    static func checkConcatenation(_ left: Value, _ right: Value) throws {
        var sizes = Sizes()
        let (leftSize, rightSize) = (try sizes.measure(left), try sizes.measure(right))
        try check(Size(bytes: leftSize.bytes.addingSaturated(rightSize.bytes), height: max(leftSize.height, rightSize.height)), of: left)
    }

    /// Memory a value takes when counted as it would print (the characters of strings, one slot
    /// per element of every list), and how deeply its lists nest.
    struct Size {
        var bytes: Int
        var height: Int
    }

    /// Measures values, remembering each list's storage it has measured: `a = [a, a]` holds the
    /// same storage twice, so a list doubled thirty times is measured in thirty steps, not 2³⁰.
    struct Sizes {
        private var measured: [UnsafeRawPointer: Size] = [:]

        mutating func measure(_ value: Value) throws -> Size {
            switch value {
            case .string(let text), .text(let text):
                return Size(bytes: text.utf8.count, height: 0)
            case .list(let elements):
                let storage = elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
                if let storage, let known = measured[storage] { return known }
                var size = Size(bytes: elements.count * MemoryLayout<Value>.stride, height: 1)
                for element in elements {
                    let inner = try measure(element)
                    size.bytes = size.bytes.addingSaturated(inner.bytes)
                    size.height = max(size.height, inner.height + 1)
                    // Built a line at a time, a list is at most one level deeper than what it holds.
                    guard size.height <= Parser.maximumNesting else { throw LabError(.valueTooDeep(limit: Parser.maximumNesting)) }
                }
                if let storage { measured[storage] = size }
                return size
            default:
                return Size(bytes: 0, height: 0)
            }
        }
    }

    private static func check(_ size: Size, of value: Value) throws {
        if size.height > Parser.maximumNesting { throw LabError(.valueTooDeep(limit: Parser.maximumNesting)) }
        if case .list = value {
            try MemoryBudget.check(textOrListBytes: size.bytes, what: "this list")
        } else {
            try MemoryBudget.check(textOrListBytes: size.bytes, what: "this string")
        }
    }
}

extension Int {
    /// The sum, or `Int.max` if it overflows: sizes past the budget need not be exact.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
