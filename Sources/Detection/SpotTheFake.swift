import Engine
import Imaging

/// The spot-the-fake game: pairs of one real and one generated face, side by side in random
/// order; the learner says which is fake, and at the end sees their accuracy beside a
/// detector's on the very same pairs, with the pairs they got wrong.
///
/// A detector "plays" by calling fake whichever picture of the pair it gives the higher p(fake),
/// so both players answer the same two-alternative question and chance is 50 % for both.
/// FaceForensics++ found people at 58–69 % on real deepfakes while XceptionNet reached 81–99 %
/// (facts §2.3); on the lab's blurry one-minute fakes people usually do better, which is a lesson
/// about how much the quality of the fakes matters.
public final class SpotTheFake {
    public struct Round: Sendable {
        public let real: Image
        public let fake: Image
        public let fakeIsLeft: Bool
        public var left: Image { fakeIsLeft ? fake : real }
        public var right: Image { fakeIsLeft ? real : fake }
    }

    public let rounds: [Round]
    /// What the learner said for each round so far: true = "the left one is fake".
    public private(set) var answers: [Bool] = []

    /// One round per (real, fake) pair, sides chosen by `seed`.
    public init(real: [Image], fake: [Image], seed: UInt64 = 0) throws {
        guard !real.isEmpty, !fake.isEmpty else { throw DetectionError.noPictures(operation: "spotTheFake") }
        var generator = RandomGenerator(seed: seed)
        rounds = zip(real, fake).map { Round(real: $0.rgb(), fake: $1.rgb(), fakeIsLeft: generator.next() >> 63 == 1) }
    }

    /// The round waiting for an answer, or nil when the game is over.
    public var currentRound: Int? { answers.count < rounds.count ? answers.count : nil }

    /// Records the learner's pick for the current round and says whether it was right.
    @discardableResult
    public func answer(fakeIsLeft: Bool) throws -> Bool {
        guard let round = currentRound else {
            throw DetectionError.gameOver(rounds: rounds.count)
        }
        answers.append(fakeIsLeft)
        return rounds[round].fakeIsLeft == fakeIsLeft
    }

    /// One round's pair, left and right, captioned, `scale` times larger.
    public func picture(of round: Int, scale: Int = 4) throws -> Image {
        try ImageGrid.make([rounds[round].left.upscaled(by: scale), rounds[round].right.upscaled(by: scale)], columns: 2,
                           gutter: 4, captions: ["LEFT", "RIGHT"])
    }

    /// The result so far: the learner's accuracy on the answered rounds, a detector's on the same
    /// rounds (`probabilities` gives p(fake) for pictures), and which rounds the learner missed.
    public struct Result: Sendable {
        public var answered: Int
        public var learnerCorrect: Int
        public var detectorCorrect: Int?
        public var missedRounds: [Int]
    }

    public func result(probabilities: (([Image]) throws -> [Float])? = nil) throws -> Result {
        let answered = Array(rounds.prefix(answers.count))
        let missed = answered.indices.filter { answered[$0].fakeIsLeft != answers[$0] }
        var detectorCorrect: Int?
        if let probabilities, !answered.isEmpty {
            let scores = try probabilities(answered.flatMap { [$0.left, $0.right] })
            detectorCorrect = answered.indices.filter { (scores[2 * $0] > scores[2 * $0 + 1]) == answered[$0].fakeIsLeft }.count
        }
        return Result(answered: answered.count, learnerCorrect: answered.count - missed.count,
                      detectorCorrect: detectorCorrect, missedRounds: missed)
    }

    /// The missed pairs, one per row, fake marked, for the end of the game (nil if none).
    public func mistakesPicture(scale: Int = 3) throws -> Image? {
        let missed = try result().missedRounds
        guard !missed.isEmpty else { return nil }
        let cells = missed.flatMap { [rounds[$0].left.upscaled(by: scale), rounds[$0].right.upscaled(by: scale)] }
        let captions = missed.flatMap { rounds[$0].fakeIsLeft ? ["FAKE", "REAL"] : ["REAL", "FAKE"] }
        return try ImageGrid.make(cells, columns: 2, gutter: 4, captions: captions)
    }
}
