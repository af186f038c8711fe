/// A callable thing: a built-in like `Linear`, or a method bound to its receiver like
/// `model.summary`. Its parameter list drives argument checking, `help` and completion alike.
public struct Function {
    public var name: String
    public var parameters: [Parameter]
    /// The type of what it returns, as shown in signatures: `Tensor`, `Layer`.
    public var returns: String
    public var summary: String
    public var body: (CallArguments) throws -> Value

    public init(_ name: String, _ parameters: [Parameter] = [], returns: String, summary: String,
                body: @escaping (CallArguments) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.summary = summary
        self.body = body
    }

    /// Swift-style: `Linear(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true) -> Layer`.
    public var signature: String {
        let list = parameters.map { parameter in
            var text = (parameter.label ?? "_") + (parameter.label == parameter.name ? "" : " " + parameter.name)
            text += ": " + parameter.type + (parameter.isVariadic ? "..." : "")
            switch parameter.defaultValue {
            case nil: break
            case .nothing?: text += "?"  // optional, with nothing to show as its default (Swift's `T?`)
            case let defaultValue?: text += " = " + defaultValue.shortDescription
            }
            return text
        }
        return "\(name)(\(list.joined(separator: ", "))) -> \(returns)"
    }
}

public struct Parameter {
    /// The label written at the call (`kernel` in `kernel: 4`); nil for unlabelled, like Swift's `_`.
    public var label: String?
    public var name: String
    /// Shown in signatures and type errors: `Int`, `Double`, `Tensor`, `Layer`, `[Int]`.
    public var type: String
    /// nil means the argument is required.
    public var defaultValue: Value?
    /// Takes every remaining unlabelled argument, as `Sequential(layers...)` does.
    public var isVariadic: Bool
    public var summary: String

    /// An unlabelled parameter: `Linear(784, 10)`.
    public static func positional(_ name: String, _ type: String, default defaultValue: Value? = nil,
                                  variadic: Bool = false, _ summary: String) -> Parameter {
        Parameter(label: nil, name: name, type: type, defaultValue: defaultValue, isVariadic: variadic, summary: summary)
    }

    /// A labelled parameter: `Conv2d(3, 32, kernel: 4)`.
    public static func labelled(_ name: String, _ type: String, default defaultValue: Value? = nil,
                                _ summary: String) -> Parameter {
        Parameter(label: name, name: name, type: type, defaultValue: defaultValue, isVariadic: false, summary: summary)
    }
}
