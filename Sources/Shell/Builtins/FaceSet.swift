import Models
import Faces
import Engine
import Imaging

/// A face dataset held in a variable, as `faces("faces-32")` returns it: the pictures as one
/// tensor, and what the renderer recorded about each face (glasses, smile, hair, …).
///
/// It prints like a notebook cell (its size, its attributes, a preview grid) and goes wherever a
/// tensor is expected: `model(data)`, `data * 2`, `train(ae, inputs: data, targets: data)` all
/// use `data.images`. The attributes give a classifier its answers: `data.labels("glasses")`.
public struct FaceSet: ShellObject {
    /// The dataset's folder name, such as `faces-32`.
    public let name: String
    /// The loaded faces with their attribute rows.
    public let faces: ImageDataset
    /// `[N, C, H, W]` in `range`.
    public let images: Tensor
    public let range: ImageDataset.PixelRange

    public var typeName: String { "Faces" }
    public var typeDescription: String { "a face set of \(faces.count) pictures" }
    /// Used where a tensor goes, a face set is its images.
    public var tensorView: Tensor? { images }
    public var members: [Member] { Members.ofFaceSet(self) }
    public func cellPictures() -> [Picture] { (try? preview()).map { [$0] } ?? [] }

    /// `Faces[256, 3, 32, 32]`.
    public var shortDescription: String { "Faces\(images.shape)" }

    /// What a cell shows (the preview grid comes with it, see `preview`).
    public var cellDescription: String {
        let columns = faces.attributeNames.filter { !FaceSet.bookkeeping.contains($0) }
        return ["\(name): \(faces.count) faces, \(shortDescription) in \(range == .zeroToOne ? "[0, 1]" : "[-1, 1]")",
                "attributes: " + columns.prefix(12).joined(separator: ", ") + (columns.count > 12 ? ", … (\(columns.count) in all)" : ""),
                "questions for labels(…): " + ClassifierQuestion.known.map(\.name).joined(separator: ", ")].joined(separator: "\n")
    }

    /// Manifest columns about files, not faces.
    static let bookkeeping: Set<String> = ["index", "sheet", "x", "y", "source", "seed"]

    /// The first 16 faces, 8 across, for the terminal; not written to disk (the data is not new).
    func preview() throws -> Picture {
        let shown = try images.sliced(axis: 0, 0..<min(16, images.shape[0]))
        let grid = try ImageGrid.make(try Image.images(from: shown, range: range).map { $0.rgb() },
                                      columns: min(8, shown.shape[0])).rgb()
        return Picture(grid)
    }
}

extension Members {
    /// `data.images`, `data.count`, `data.labels("glasses")`, `data.attribute("smile")`, then the
    /// tensor's own members (`data.shape`, `data.mean()`) for the images.
    static func ofFaceSet(_ set: FaceSet) -> [Member] {
        let own: [Member] = [
            .property("images", "the pictures as a tensor [N, C, H, W]") { _ in .tensor(set.images) },
            .property("count", "how many faces") { _ in .number(Double(set.faces.count)) },
            .property("attributes", "the names of what is recorded about each face") { _ in
                .list(set.faces.attributeNames.filter { !FaceSet.bookkeeping.contains($0) }.map(Value.string))
            },
            method("labels", "1 or 0 per face answering a yes/no question, [N, 1], for a classifier's targets",
                   [.positional("question", "String", ClassifierQuestion.known.map { "\"\($0.name)\"" }.joined(separator: ", "))],
                   returns: "Tensor") { arguments in
                let question = try arguments.string("question")
                guard let known = ClassifierQuestion.known.first(where: { $0.name == question }) else {
                    throw arguments.invalid("question", "must be one of " + ClassifierQuestion.known.map { "\"\($0.name)\"" }.joined(separator: ", "))
                }
                let labels = try known.labels(set.faces)
                return .tensor(Tensor(shape: [labels.count, 1], data: labels))
            },
            method("attribute", "one attribute of every face: numbers as a tensor [N, 1], words as a list",
                   [.positional("name", "String", "a name from data.attributes, e.g. \"smile\" or \"hairStyle\"")],
                   returns: "Tensor") { arguments in
                let name = try arguments.string("name")
                guard set.faces.attributeNames.contains(name), !FaceSet.bookkeeping.contains(name) else {
                    throw arguments.invalid("name", "is not an attribute of \(set.name); see data.attributes")
                }
                let words = try set.faces.labels(name) { _ in 0 }.indices.map { set.faces.attribute(name, of: $0) ?? "" }
                let numbers = words.compactMap(Float.init)
                if numbers.count == words.count { return .tensor(Tensor(shape: [numbers.count, 1], data: numbers)) }
                return .list(words.map(Value.string))
            },
        ]
        let names = Set(own.map(\.name))
        return own + ofTensor(set.images).filter { !names.contains($0.name) }
    }
}
