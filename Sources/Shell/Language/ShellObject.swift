import Engine

/// A kind of value the language itself knows nothing about: a loss history, a face set, a
/// spectrum, a detector, a lesson. Each module that adds one conforms a type to this protocol
/// and hands it to the shell as `Value.object(…)`; printing, members after a dot, tab completion
/// and "use it where a tensor goes" all work without editing the lexer, parser or evaluator.
///
///     struct Spectrum: ShellObject {
///         var typeName: String { "Spectrum" }
///         var shortDescription: String { "Spectrum[\(size)×\(size)]" }
///         var members: [Member] { [.property("curve", "the azimuthal average") { _ in … }] }
///         var tensorView: Tensor? { power }
///     }
public protocol ShellObject {
    /// The type's name as members, errors and help print it: `LossHistory`, `Faces`.
    var typeName: String { get }
    /// How an error names this value: "a face set of 256 pictures". Defaults to "a TypeName".
    var typeDescription: String { get }
    /// One line, for `x = …` after a binding and inside lists.
    var shortDescription: String { get }
    /// What a cell shows when the value is typed alone (several lines allowed).
    var cellDescription: String { get }
    /// Pictures shown under the cell's text, like a notebook's preview (none by default).
    func cellPictures() -> [Picture]
    /// Lines a learner must not miss, printed under `name = …` when the value is bound with
    /// `let` (a training run that stopped early says why). None by default.
    var linesWhenBound: [String] { get }
    /// What can follow a dot: `run.steps`, `data.labels("smiling")`.
    var members: [Member] { get }
    /// The tensor this value stands for wherever a tensor is expected (a face set's images), or nil.
    var tensorView: Tensor? { get }
}

extension ShellObject {
    public var typeDescription: String { "a \(typeName)" }
    public var cellDescription: String { shortDescription }
    public func cellPictures() -> [Picture] { [] }
    public var linesWhenBound: [String] { [] }
    public var members: [Member] { [] }
    public var tensorView: Tensor? { nil }
}
