/// Every built-in the shell knows, in one table. Evaluation looks names up here, `help` prints
/// from here, and completion offers names from here, so the three can never disagree.
public struct Builtin {
    public enum Category: String, CaseIterable, Sendable {
        case tensors = "Tensors"
        case layers = "Layers"
        case models = "Models (the lessons' ready-made networks)"
        case losses = "Losses"
        case math = "Math"
        case training = "Training"
        case generation = "Using a trained model"
        case detection = "Detection and provenance"
        case session = "Session"
    }

    public var function: Function
    public var category: Category
    /// A line a learner can type as-is.
    public var example: String
    public var name: String { function.name }
}

public struct BuiltinRegistry {
    public private(set) var builtins: [String: Builtin] = [:]
    /// Names in the order they were registered, which is the order `help` lists them.
    public private(set) var names: [String] = []

    public init() {}

    public mutating func register(_ function: Function, category: Builtin.Category, example: String) {
        if builtins[function.name] == nil { names.append(function.name) }
        builtins[function.name] = Builtin(function: function, category: category, example: example)
    }

    public subscript(name: String) -> Builtin? { builtins[name] }

    /// The registry the shell starts with.
    public static func standard() -> BuiltinRegistry {
        var registry = BuiltinRegistry()
        registry.registerTensors()
        registry.registerLayers()
        registry.registerModels()
        registry.registerLosses()
        registry.registerFiles()
        registry.registerTraining()
        registry.registerAutoencoderTraining()
        registry.registerVAE()
        registry.registerGANTraining()
        registry.registerToyGAN()
        registry.registerFaceSwap()
        registry.registerCompositing()
        registry.registerClassifier()
        registry.registerGeneration()
        registry.registerCompare()
        registry.registerMath()
        registry.registerDetection()
        registry.registerSession()
        return registry
    }

    /// `help`: every built-in by category with its one-line summary, and the commands.
    public func overview() -> String {
        var lines = ["Type an expression to see its value, or let name = … to keep it.",
                     "Commands: help NAME (details and an example), vars (your variables), quit.",
                     "Tab completes names, members after a dot (x.sha⇥) and argument labels.", ""]
        for category in Builtin.Category.allCases {
            let members = names.compactMap { builtins[$0] }.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            lines.append(category.rawValue + ":")
            let width = members.map(\.name.count).max() ?? 0
            for builtin in members {
                lines.append("  " + builtin.name.padding(toLength: width) + "  " + builtin.function.summary)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `help NAME`: signature, summary, each parameter with its default, and an example.
    public func help(for name: String) throws -> String {
        guard let builtin = builtins[name] else {
            throw LabError(.unknownHelpTopic(name, suggestion: Suggestions.closest(to: name, among: names)))
        }
        let function = builtin.function
        var lines = [function.signature, "  " + function.summary]
        if !function.parameters.isEmpty {
            lines.append("Parameters:")
            let width = function.parameters.map(\.name.count).max() ?? 0
            for parameter in function.parameters {
                var line = "  " + parameter.name.padding(toLength: width) + "  " + parameter.summary
                switch parameter.defaultValue {
                case nil: break
                case .nothing?: line += " (optional)"  // no default value to show: leaving it out is the default
                // A summary that explains its own default ("default: the run's name") keeps it.
                case _ where parameter.summary.contains("(default"): break
                case let defaultValue?: line += " (default \(defaultValue.shortDescription))"
                }
                lines.append(line)
            }
        }
        lines.append("Example:")
        lines.append("  " + builtin.example)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Pads with spaces on the right to line up columns in tables.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
