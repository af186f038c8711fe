import Engine
import Faces
import Foundation

/// The face-swap lesson's pictures (datasets-small/pair-32): person A and person B to train on,
/// and, for grading, held-out A pictures each with its perfect answer, "B-as-A": person B drawn
/// by the renderer with exactly that A picture's expression, pose, light and background.
/// Real deepfake research has no such answers; a synthetic dataset can have them.
public struct FaceSwapData {
    public let trainA: ImageDataset
    public let trainB: ImageDataset
    /// Held-out A pictures that have an answer, row for row with `answersB`.
    public let heldOutA: ImageDataset
    public let answersB: ImageDataset

    /// Reads a pair folder (`datasets-small/pair-32`).
    public static func load(_ folder: String) throws -> FaceSwapData {
        try FaceSwapData(pairs: FaceDatasetLoader.load(folder))
    }

    /// Sorts a loaded pair dataset by its manifest's `split`, `role`, `index` and `source` columns.
    public init(pairs: ImageDataset) throws {
        let split = try pairs.labels("split") { $0 == "test" ? 1 : 0 }
        guard let roleColumn = pairs.attributeNames.firstIndex(of: "role"),
              let indexColumn = pairs.attributeNames.firstIndex(of: "index"),
              let sourceColumn = pairs.attributeNames.firstIndex(of: "source") else {
            throw ExperimentError.unsuitableData("a face-swap set needs the columns role, index and source (datasets-small/pair-32)")
        }
        func rows(role: String, test: Bool) -> [Int] {
            pairs.attributeRows.indices.filter { pairs.attributeRows[$0][roleColumn] == role && (split[$0] == 1) == test }
        }
        // Each answer names the A picture it answers by that picture's `index`.
        let heldOutByIndex = Dictionary(rows(role: "A", test: true).map { (pairs.attributeRows[$0][indexColumn], $0) },
                                        uniquingKeysWith: { first, _ in first })
        var questions: [Int] = [], answers: [Int] = []
        for answer in rows(role: "B-as-A", test: true) {
            if let question = heldOutByIndex[pairs.attributeRows[answer][sourceColumn]] {
                questions.append(question)
                answers.append(answer)
            }
        }
        trainA = try pairs.subset(rows(role: "A", test: false))
        trainB = try pairs.subset(rows(role: "B", test: false))
        heldOutA = try pairs.subset(questions)
        answersB = try pairs.subset(answers)
        for (dataset, role) in [(trainA, "person A"), (trainB, "person B"), (heldOutA, "held-out A")] {
            try requireFaces32(dataset, role)
        }
    }
}
