import Models
import Engine

/// Something reachable after a dot: a property (`x.shape`) or a method (`model.summary()`).
public struct Member {
    public enum Kind {
        case property((Value) throws -> Value)
        /// Builds the bound method for a receiver, so `model.summary` can be passed around.
        case method((Value) -> Function)
    }

    public var name: String
    public var summary: String
    public var kind: Kind

    public static func property(_ name: String, _ summary: String, _ get: @escaping (Value) throws -> Value) -> Member {
        Member(name: name, summary: summary, kind: .property(get))
    }

    public static func method(_ name: String, _ summary: String, _ bind: @escaping (Value) -> Function) -> Member {
        Member(name: name, summary: summary, kind: .method(bind))
    }
}

/// The members of each kind of value, in one table that evaluation and completion both read.
public enum Members {
    public static func of(_ value: Value) -> [Member] {
        switch value {
        case .list(let elements):
            return [.property("count", "how many values the list holds") { _ in .number(Double(elements.count)) }]
        case .string(let text):
            return [.property("count", "how many characters the string has") { _ in .number(Double(text.count)) }]
        case .tensor(let tensor):
            return ofTensor(tensor)
        case .layer(let layer):
            return ofLayer(layer)
        case .function(let function):
            return [.property("signature", "how to call it") { _ in .string(function.signature) }]
        case .object(let object):
            return object.members
        default:
            return []
        }
    }

    /// Looks a member up, suggesting the closest name when it does not exist.
    public static func lookUp(_ name: String, in value: Value, at range: SourceRange) throws -> Member {
        let members = of(value)
        if let member = members.first(where: { $0.name == name }) { return member }
        let suggestion = Suggestions.closest(to: name, among: members.map(\.name))
        throw LabError(.unknownMember(name, typeName: value.typeName, suggestion: suggestion, available: members.map(\.name)), at: range)
    }
}
