import Imaging

/// Anything that gives a picture a probability of being generated: the spectral detector, the
/// CNN detector, or a `FaceClassifier` the learner trained on real against fake. Evaluation,
/// `inspect`, spot-the-fake and the generalisation table take any of them, so the two detectors
/// are judged by the same code on the same pictures.
public protocol FakeDetector: AnyObject {
    /// How the detector is named in reports ("spectral detector", "CNN detector").
    var name: String { get }
    /// p(fake) for each picture, in order.
    func probabilities(_ images: [Image]) throws -> [Float]
}

extension FakeDetector {
    /// p(fake) for one picture.
    public func probability(of image: Image) throws -> Float {
        try probabilities([image])[0]
    }

}

extension SpectralDetector: FakeDetector {
    public var name: String { "spectral detector" }
}

extension CNNDetector: FakeDetector {
    public var name: String { "CNN detector" }
}
