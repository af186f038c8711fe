import Models
import Engine

/// How values print, like the output of a notebook cell.
extension Value {
    /// One line, used in lists, bindings (`x = 3`) and signatures.
    public var shortDescription: String {
        switch self {
        case .number(let number): return Value.format(number)
        case .string(let text): return "\"" + text + "\""
        case .text(let text): return text.split(separator: "\n").first.map(String.init) ?? ""
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let elements):
            let shown = elements.prefix(8).map(\.shortDescription)
            return "[" + shown.joined(separator: ", ") + (elements.count > 8 ? ", … (\(elements.count) values)" : "") + "]"
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
        case .text(let text): return text
        case .layer(let layer): return ModelSummary.table(for: layer)
        case .function(let function): return function.signature + "\n  " + function.summary
        case .object(let object): return object.cellDescription
        default: return shortDescription
        }
    }

    /// Whole numbers print without a fraction (`3`, not `3.0`), as a learner would write them.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number > 0 ? "inf" : "-inf" }
        if number == number.rounded() && abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
