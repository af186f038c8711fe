import Models
import Engine
import SafeFiles

/// How values print, like the output of a notebook cell.
extension Value {
    /// One line, used in lists, bindings (`x = 3`) and signatures.
    public var shortDescription: String {
        switch self {
        case .number(let number): return Value.format(number)
        case .string(let text): return Value.quoted(text)
        case .text(let text): return text.split(separator: "\n").first.map(String.init) ?? ""
        case .bool(let flag): return flag ? "true" : "false"
        case .list:
            var text = "", budget = Value.printedCharacters
            describeList(into: &text, budget: &budget, depth: 0)
            return text
        case .tensor(let tensor): return "Tensor\(tensor.shape)"
        case .layer(let layer):
            let count = layer.parameterCount
            return Value.layerTypeName(layer) + " (\(ModelSummary.grouped(count)) parameter\(count == 1 ? "" : "s"))"
        case .function(let function): return function.signature
        case .object(let object): return object.shortDescription
        case .nothing: return ""
        }
    }

    /// The full cell output, possibly several lines: a tensor's statistics, a model's table.
    public var cellDescription: String {
        switch self {
        case .tensor(let tensor): return tensor.description
        case .string(let text): return Value.quoted(text, limit: Value.printedCharacters)
        case .text(let text): return text
        case .layer(let layer): return ModelSummary.table(for: layer)
        case .function(let function): return function.signature + "\n  " + function.summary
        case .object(let object): return object.cellDescription
        default: return shortDescription
        }
    }

    /// How much of a long string or list is printed. Like NumPy's summarised arrays, a big value
    /// prints its beginning and its size, so printing stays fast and the screen readable
    /// however large the value is.
    static let printedCharacters = 2_000
    /// Lists nested deeper than this print as `[…]`.
    static let printedDepth = 4

    /// A string as a learner would type it: quoted, control characters escaped (a string may
    /// come from a file), and cut with its length when long.
    static func quoted(_ text: String, limit: Int = 200) -> String {
        let shown = PrintableText.escaped(text, limit: limit)
        // Whether anything was cut, without walking a long string to its end.
        guard !text.unicodeScalars.dropFirst(limit).isEmpty else { return "\"" + shown + "\"" }
        // Counting characters walks the whole string; past a mebibyte, its size in bytes says enough.
        let size = text.utf8.count <= 1 << 20 ? "\(text.count) characters" : MemoryBudget.text(bytes: text.utf8.count)
        return "\"" + shown + "\" (\(size))"
    }

    /// Appends at most about `budget` characters: eight elements per list, four levels deep,
    /// then `…` with the number of values left out.
    private func describeList(into text: inout String, budget: inout Int, depth: Int) {
        guard case .list(let elements) = self else {
            let short = shortDescription
            text += short
            budget -= short.count
            return
        }
        guard depth < Value.printedDepth || elements.isEmpty else {
            text += "[…]"
            budget -= 3
            return
        }
        text += "["
        for (index, element) in elements.prefix(8).enumerated() {
            if index > 0 { text += ", " }
            guard budget > 0 else { text += "…"; break }
            element.describeList(into: &text, budget: &budget, depth: depth + 1)
        }
        text += (elements.count > 8 ? ", … (\(elements.count) values)" : "") + "]"
    }

    /// Whole numbers print without a fraction (`3`, not `3.0`), as a learner would write them.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number > 0 ? "inf" : "-inf" }
        if number == number.rounded() && abs(number) < 1e15 { return String(Int(number)) }
        // A setting stored as float32 (a learning rate of 0.001) prints as the float it is,
        // not as its double expansion 0.0010000000474974513.
        if let single = Float(exactly: number) { return String(single) }
        return String(number)
    }
}
