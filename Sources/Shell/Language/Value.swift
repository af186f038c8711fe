import Models
import Engine

/// What an expression evaluates to. Every value a learner can hold in a variable is one of these.
public enum Value {
    case number(Double)
    case string(String)
    /// Preformatted text, such as a model summary: printed as it is, without quotes.
    case text(String)
    case bool(Bool)
    case list([Value])
    case tensor(Tensor)
    /// A layer or a whole model: `Linear(784, 10)`, `Sequential(…)`. Calling it runs it on a tensor.
    case layer(any Layer)
    /// A built-in or a method bound to its receiver, not yet called: `Linear` or `model.summary`.
    case function(Function)
    /// Any other kind of value, added by a module without editing the language: a training run's
    /// history, a face set, a spectrum, a detector, a lesson (see `ShellObject`).
    case object(any ShellObject)
    /// The result of something done for its effect, like `seed(42)`; prints nothing.
    case nothing

    /// How errors name the kind of a value: "a number", "a tensor of shape [2, 3]".
    public var typeDescription: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .text: return "a text"
        case .bool: return "a boolean"
        case .list(let elements): return "a list of \(elements.count) value\(elements.count == 1 ? "" : "s")"
        case .tensor(let tensor): return "a tensor of shape \(tensor.shape)"
        case .layer(let layer): return "a \(Value.layerTypeName(layer)) layer"
        case .function(let function): return "the function \(function.name)"
        case .object(let object): return object.typeDescription
        case .nothing: return "nothing"
        }
    }

    /// The type's name as members and help print it: `Number`, `Tensor`.
    public var typeName: String {
        switch self {
        case .number: return "Number"
        case .string: return "String"
        case .text: return "Text"
        case .bool: return "Bool"
        case .list: return "List"
        case .tensor: return "Tensor"
        case .layer(let layer): return Value.layerTypeName(layer)
        case .function: return "Function"
        case .object(let object): return object.typeName
        case .nothing: return "Nothing"
        }
    }
}

extension Value {
    /// A value that stands for a tensor (a face set for its images) becomes that tensor; every
    /// other value stays as it is.
    var asTensorIfDataset: Value {
        if case .object(let object) = self, let tensor = object.tensorView { return .tensor(tensor) }
        return self
    }

    /// `Linear`, `Conv2d`, `Sequential`: the class name, as PyTorch prints it.
    public static func layerTypeName(_ layer: any Layer) -> String {
        String(describing: type(of: layer))
    }
}
