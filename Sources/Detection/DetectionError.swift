/// Everything the detection and provenance tools refuse, with the facts needed to say why.
///
/// Learners reach all of these from the prompt, so none may trap; `description` is the one
/// place where the facts become a sentence, and tests compare that sentence exactly.
public enum DetectionError: Error, Equatable, CustomStringConvertible {
    /// A plane's value count does not match its stated size.
    case badPlane(values: Int, height: Int, width: Int)
    /// An operation that needs pictures got none.
    case noPictures(operation: String)
    /// Pictures of different sizes where one size is needed (`first` and `other` are [w, h]).
    case mixedSizes(operation: String, first: [Int], other: [Int])
    /// Scores and labels of different lengths, or labels that are not 0/1.
    case badLabels(operation: String, reason: String)
    /// An evaluation needs both classes among its labels.
    case oneClassOnly(operation: String, positives: Int, negatives: Int)
    /// A setting outside its allowed range.
    case invalidSetting(operation: String, setting: String, value: String, allowed: String)
    /// A picture too small for the method (the watermark needs whole 8×8 blocks).
    case pictureTooSmall(operation: String, width: Int, height: Int, minimum: Int)
    /// A spot-the-fake game got an answer after its last round.
    case gameOver(rounds: Int)
    /// A detector was asked for features of a different length than it was trained on.
    case featureMismatch(expected: Int, got: Int)
    /// A detector that reads pictures of one size only got another (sizes as [w, h]).
    case wrongPictureSize(operation: String, expected: [Int], got: [Int])

    public var description: String {
        switch self {
        case let .badPlane(values, height, width):
            return "a \(height)×\(width) plane needs \(height * width) values, got \(values)"
        case let .noPictures(operation):
            return "\(operation): no pictures given; pass at least one"
        case let .mixedSizes(operation, first, other):
            return "\(operation): all pictures must share one size: \(first[0])×\(first[1]) and \(other[0])×\(other[1]) differ"
        case let .badLabels(operation, reason):
            return "\(operation): \(reason)"
        case let .oneClassOnly(operation, positives, negatives):
            return "\(operation): needs both fakes and reals among the labels (got \(positives) fake, \(negatives) real)"
        case let .invalidSetting(operation, setting, value, allowed):
            return "\(operation): \(setting) must be \(allowed), got \(value)"
        case let .pictureTooSmall(operation, width, height, minimum):
            return "\(operation): the picture is \(width)×\(height); it must be at least \(minimum)×\(minimum)"
        case let .gameOver(rounds):
            return "spotTheFake: all \(rounds) rounds are answered; look at the score or start a new game"
        case let .featureMismatch(expected, got):
            return "the detector was trained on spectra of \(expected) values but got \(got); use pictures of the size it was trained on"
        case let .wrongPictureSize(operation, expected, got):
            return "\(operation) reads \(expected[0])×\(expected[1]) pictures, and this one is \(got[0])×\(got[1]); give it single faces of that size"
        }
    }
}
