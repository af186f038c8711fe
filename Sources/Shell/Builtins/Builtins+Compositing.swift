import Detection
import Engine
import Faces
import Foundation
import Imaging
import Models

/// The last steps of a face swap, as the tools do them, one built-in per step so a learner sees
/// each one change the picture: a mask from the landmarks, colour matching, blending into the
/// frame; then the seam the blend leaves (its X-ray) and a score that looks for it.
extension BuiltinRegistry {
    mutating func registerCompositing() {
        register(Function("faceMask", [.positional("faces", "Faces", "faces with landmarks, e.g. swapExam()"),
                                       .labelled("feather", "Double", default: .number(2.5), "pixels over which the edge fades from 1 to 0")],
                          returns: "Tensor", summary: "a soft mask [N, 1, H, W] over each face, drawn around its landmarks") { arguments in
            let set = try faceSet(arguments, "faces")
            let feather = try arguments.number("feather")
            guard feather >= 0, feather <= 16 else { throw arguments.invalid("feather", "must be between 0 and 16 pixels") }
            let size = set.images.shape[3]
            let masks = try (0..<set.faces.count).flatMap { row -> [Float] in
                guard let landmarks = LandmarkMask.landmarks(of: set.faces, row: row) else {
                    throw arguments.invalid("faces", "has no landmarks in its manifest; use faces from pair-32 or faces-32")
                }
                return LandmarkMask.mask(landmarks: landmarks, size: size, feather: Float(feather))
            }
            return .tensor(Tensor(shape: [set.faces.count, 1, size, size], data: masks))
        }, category: .generation, example: "faceMask(swapExam())")

        register(Function("blend", [.positional("faces", "Tensor", "the generated faces [N, 3, H, W] in [0, 1]"),
                                    .labelled("into", "Tensor", "the frames they go into, the same shape"),
                                    .labelled("mask", "Tensor", "[N, 1, H, W]: 1 where the face is kept, 0 where the frame is")],
                          returns: "Tensor", summary: "pastes faces into frames through a soft mask: mask·face + (1 − mask)·frame") { arguments in
            let (faces, frames, masks) = try compositingInputs(arguments, other: "into")
            let blended = zip(zip(faces, frames), masks).map { Blending.blend($0.0, into: $0.1, mask: $1) }
            return .tensor(try Image.batchTensor(blended))
        }, category: .generation,
           example: "let exam = swapExam(); blend(trueB(exam), into: exam, mask: faceMask(exam))")

        register(Function("seam", [.positional("pasted", "Tensor", "pictures [N, 3, H, W] in [0, 1] with a face pasted in"),
                                   .labelled("frames", "Tensor", "the frames they were pasted into, the same shape"),
                                   .labelled("mask", "Tensor", "[N, 1, H, W]: the mask whose edge to look along")],
                          returns: "Double", summary: "how visible a paste's edge is: ΔE*ab across the mask's edge, beyond the frame's own (0 = seamless)") { arguments in
            let (pasted, frames, masks) = try compositingInputs(arguments, faces: "pasted", other: "frames")
            let seams = pasted.indices.compactMap { SeamContrast.measure(pasted[$0], frame: frames[$0], mask: masks[$0]) }
            guard !seams.isEmpty else { throw arguments.invalid("mask", "has no edge to measure along (it is all face or all frame)") }
            return .number(seams.reduce(0, +) / Double(seams.count))
        }, category: .detection, example: "let exam = swapExam(); seam(trueB(exam), frames: exam, mask: faceMask(exam, feather: 0))")

        register(Function("matchColour", [.positional("faces", "Tensor", "the generated faces [N, 3, H, W] in [0, 1]"),
                                          .labelled("to", "Tensor", "the frames whose colours to take, the same shape"),
                                          .labelled("mask", "Tensor", "[N, 1, H, W]: where the face is, in both")],
                          returns: "Tensor", summary: "gives each face the mean and spread of the frame's face colours in L*a*b* (Reinhard et al. 2001)") { arguments in
            let (faces, frames, masks) = try compositingInputs(arguments, other: "to")
            let matched = zip(zip(faces, frames), masks).map { ColourTransfer.reinhard($0.0, to: $0.1, mask: $1) }
            return .tensor(try Image.batchTensor(matched))
        }, category: .generation,
           example: "let exam = swapExam(); matchColour(trueB(exam), to: exam, mask: faceMask(exam))")

        register(Function("xray", [.positional("mask", "Tensor", "the blending mask [N, 1, H, W], e.g. faceMask(…)")],
                          returns: "Tensor", summary: "where a blend mixes two pictures: 4·mask·(1 − mask), 1 on the seam (Face X-ray, Li et al. 2020)") { arguments in
            let mask = try arguments.tensor("mask")
            guard mask.rank == 4, mask.shape[1] == 1 else {
                throw arguments.invalid("mask", "must be masks [N, 1, H, W], not shape \(mask.shape)")
            }
            return .tensor(Tensor(shape: mask.shape, data: Blending.xray(mask: mask.data.map { min(max($0, 0), 1) })))
        }, category: .detection, example: "xray(faceMask(swapExam()))")

        register(Function("boundaryScore", [.positional("images", "Tensor", "pictures [N, 3, H, W], real or blended"),
                                            .labelled("faces", "Faces", "the faces whose landmarks say where each outline runs")],
                          returns: "Tensor", summary: "per picture: how much smoother the face is than the frame just outside it (high = pasted)") { arguments in
            let set = try faceSet(arguments, "faces")
            let images = try DetectionBuiltins.images(arguments, "images")
            guard images.count == set.faces.count, images[0].width == set.images.shape[3], images[0].width == images[0].height else {
                throw arguments.invalid("images", "must be one square picture per face of 'faces' (\(set.faces.count) of \(set.images.shape[3])×\(set.images.shape[3]))")
            }
            let scores = try images.enumerated().map { index, image -> Float in
                guard let landmarks = LandmarkMask.landmarks(of: set.faces, row: index) else {
                    throw arguments.invalid("faces", "has no landmarks in its manifest; use faces from pair-32 or faces-32")
                }
                return BoundaryScore.score(image, landmarks: landmarks)
            }
            return .tensor(Tensor(scores))
        }, category: .detection, example: "let exam = swapExam(); boundaryScore(exam, faces: exam)")

        register(Function("separation", [.labelled("real", "Tensor", "scores of real pictures [N]"),
                                         .labelled("fake", "Tensor", "scores of fakes [M] (higher should mean fake)")],
                          returns: "Separation", summary: "how well a score tells fakes from reals: ROC AUC and average precision") { arguments in
            let real = try arguments.tensor("real").data, fake = try arguments.tensor("fake").data
            guard !real.isEmpty, !fake.isEmpty else { throw arguments.invalid(real.isEmpty ? "real" : "fake", "needs at least one score") }
            guard (real + fake).allSatisfy(\.isFinite) else { throw arguments.invalid("real", "and 'fake' must hold finite numbers") }
            let evaluation = try Evaluation(scores: fake + real,
                                            labels: [Int](repeating: 1, count: fake.count) + [Int](repeating: 0, count: real.count))
            return .object(SeparationValue(evaluation: evaluation))
        }, category: .detection, example: "separation(real: tensor([0.1, 0.2, 0.3]), fake: tensor([0.25, 0.5, 0.6]))")
    }
}

/// How well one number separates fakes from reals: `separation(real: …, fake: …)`.
public struct SeparationValue: ShellObject {
    public let evaluation: Evaluation

    public var typeName: String { "Separation" }
    public var shortDescription: String {
        String(format: "ROC AUC %.3f, average precision %.3f (%d real, %d fake)", evaluation.areaUnderROC,
               evaluation.averagePrecision, evaluation.negatives, evaluation.positives)
    }
    public var cellDescription: String {
        shortDescription + "\nAUC 0.5 is a coin toss, 1.0 a perfect split: the chance that a random fake scores above a random real"
    }
    public var members: [Member] {
        [.property("auc", "the area under the ROC curve, 0.5 (chance) to 1 (perfect)") { _ in .number(evaluation.areaUnderROC) },
         .property("averagePrecision", "precision averaged over the recall levels") { _ in .number(evaluation.averagePrecision) }]
    }
}

/// The face set passed as `name`.
func faceSet(_ arguments: CallArguments, _ name: String) throws -> FaceSet {
    guard case .object(let set as FaceSet) = arguments.value(name) else {
        throw arguments.invalid(name, "must be a face set with landmarks, such as swapExam() or faces(\"pair-32\")")
    }
    return set
}

/// The faces, the frames (parameter `other`) and the masks of a compositing call, as pictures
/// and per-pixel weights, all checked to be of one size.
private func compositingInputs(_ arguments: CallArguments, faces name: String = "faces",
                               other: String) throws -> (faces: [Image], frames: [Image], masks: [[Float]]) {
    let faces = try arguments.tensor(name), frames = try arguments.tensor(other), mask = try arguments.tensor("mask")
    guard faces.rank == 4, faces.shape[1] == 3, faces.shape[0] > 0 else {
        throw arguments.invalid(name, "must be colour pictures [N, 3, H, W], not shape \(faces.shape)")
    }
    guard frames.shape == faces.shape else {
        throw arguments.invalid(other, "must have the faces' shape \(faces.shape), not \(frames.shape)")
    }
    let (count, height, width) = (faces.shape[0], faces.shape[2], faces.shape[3])
    guard mask.shape == [count, 1, height, width] else {
        throw arguments.invalid("mask", "must have shape \([count, 1, height, width]), not \(mask.shape); make it with faceMask(…)")
    }
    let plane = height * width
    let masks = (0..<count).map { index in mask.data[(index * plane)..<((index + 1) * plane)].map { min(max($0, 0), 1) } }
    return (try Image.images(from: faces), try Image.images(from: frames), masks)
}
