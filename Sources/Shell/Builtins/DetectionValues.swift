import Detection
import Engine
import Imaging

/// A power spectrum held in a variable: `spectrum(faces)`. Shown as a heat map; `.curve` is its
/// azimuthal average, `.peaks` the transposed-convolution grid score.
public struct SpectrumValue: ShellObject {
    public let spectrum: PowerSpectrum
    /// How many pictures were averaged.
    public let pictures: Int

    public var typeName: String { "Spectrum" }
    public var shortDescription: String { "Spectrum[\(spectrum.height)×\(spectrum.width), mean of \(pictures)]" }
    public var cellDescription: String {
        shortDescription + String(format: "\ncentre bright = slow changes, edges = the finest detail; grid peaks %.1f dB (0 for natural pictures)",
                                  SpectralPeaks.gridProminence(spectrum))
    }
    public func cellPictures() -> [Picture] {
        let values = spectrum.decibels.sorted()
        let map = DetectionPictures.heatMap(spectrum, range: values[values.count * 2 / 100]...values[values.count * 995 / 1000])
        return [Picture(map)]
    }
    public var tensorView: Tensor? { Tensor(shape: [spectrum.height, spectrum.width], data: spectrum.decibels) }
    public var members: [Member] {
        [.property("curve", "the azimuthal average: mean power at each distance from the centre, [R]") { _ in
            .tensor(Tensor(spectrum.azimuthalAverage))
         },
         .property("peaks", "how much brighter the n/8 frequency grid is than its neighbours, in dB") { _ in
            .number(SpectralPeaks.gridProminence(spectrum))
         }]
    }
}

/// A trained spectral detector: `spectralDetector(real: …, fake: …)`.
public struct DetectorValue: ShellObject {
    public let detector: SpectralDetector
    public let trainedOn: (real: Int, fake: Int)

    public var typeName: String { "Detector" }
    public var shortDescription: String {
        "SpectralDetector(\(detector.featureCount) frequencies, trained on \(trainedOn.real) real + \(trainedOn.fake) fake)"
    }
    public var members: [Member] {
        [Members.method("probabilities", "p(fake) for each picture, [N]",
                        [.positional("images", "Tensor", "pictures [N, C, H, W] of the size it was trained on")],
                        returns: "Tensor") { arguments in
            let images = try DetectionBuiltins.images(arguments, "images")
            return .tensor(Tensor(try detector.probabilities(images)))
         }]
    }
}

/// Tensors and face sets become pictures, in the range their values suggest.
enum DetectionBuiltins {
    static func images(_ arguments: CallArguments, _ name: String) throws -> [Image] {
        let tensor = try arguments.tensor(name)
        guard tensor.rank == 4, [1, 3].contains(tensor.shape[1]), tensor.shape[0] > 0 else {
            throw arguments.invalid(name, "must be pictures [N, C, H, W] with 1 or 3 channels, not shape \(tensor.shape)")
        }
        return try Image.images(from: tensor, range: .guessed(from: tensor)).map { $0.rgb() }
    }
}
