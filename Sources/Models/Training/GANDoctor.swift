import Engine

/// What the doctor reads after each step of a GAN. All four come from the weights as they were
/// before the step's updates, like the losses the loss guard reads.
public struct GANVitals: Equatable, Sendable {
    /// D(x): the discriminator's mean probability that the real batch is real.
    public var realVerdict: Double
    /// D(G(z)): the same for the generated batch.
    public var fakeVerdict: Double
    /// The length of all of D's gradients together (`clipGradientNorm`'s total), from its loss.
    public var discriminatorGradientNorm: Double
    /// The same for G, from its loss.
    public var generatorGradientNorm: Double

    public init(realVerdict: Double, fakeVerdict: Double, discriminatorGradientNorm: Double, generatorGradientNorm: Double) {
        self.realVerdict = realVerdict
        self.fakeVerdict = fakeVerdict
        self.discriminatorGradientNorm = discriminatorGradientNorm
        self.generatorGradientNorm = generatorGradientNorm
    }
}

/// Watches a GAN train and names, in plain words, the three ways GAN training usually fails:
///
///  1. **The discriminator wins outright.** D(x) → 1 and D(G(z)) → 0 and they stay there: D
///     rejects every fake with certainty, and G, whose only teacher is D, learns little.
///  2. **Gradients explode or vanish.** Each step the doctor measures the length (L2 norm) of
///     each network's gradient and compares it with its length at the first step, before any
///     update changed the starting weights. A hundred times longer in most of the last ten
///     steps: the updates are throwing the weights about. A hundred times shorter: that network
///     has stopped learning.
///  3. **The samples collapse.** Every `checkupEvery` steps it draws the faces of the same fixed
///     noise vectors the sample grids show, and measures how different they are from one
///     another relative to real faces (`SampleDiversity`). Many z, a few faces: mode collapse.
///
/// Single steps are noisy in a GAN, so D's verdicts are smoothed (an average over roughly the
/// last ten steps) and every finding needs a sustained stretch, not one bad step.
///
/// Roll-back: at each checkup where every step since the last checkup was healthy and the
/// samples are varied, the doctor keeps a snapshot of both networks (`ModelSnapshot`, the loss
/// guard's mechanism), so a learner can return to the last healthy state after a finding.
public struct GANDoctor {
    /// Where healthy ends. Chosen from runs of the lessons' DCGAN: see lessons/06-dcgan-faces.md
    /// and GANDoctorTests for the runs they were measured on.
    public struct Limits: Sendable, Equatable {
        /// D has won when its smoothed D(x) is above this and D(G(z)) below `winningFakeVerdict`…
        /// (The lessons' healthy 250-step run reaches 0.97 and 0.02: a strong D is normal in a
        /// short run; certainty is not.)
        public var winningRealVerdict = 0.99
        public var winningFakeVerdict = 0.01
        /// …for this many steps in a row.
        public var winningPatience = 50
        /// Gradients explode when their norm is above this many times the reference…
        /// (healthy runs stay within about 15 times it, with rare single spikes)
        public var explosionFactor = 100.0
        /// …and vanish when it is below this fraction of it…
        public var vanishingFactor = 0.01
        /// …in at least `gradientCount` of the last `gradientWindow` steps (GAN gradients swing
        /// from step to step, so "most of the last ten" rather than "ten in a row").
        public var gradientWindow = 10
        public var gradientCount = 7
        /// The reference is a network's gradient norm at the first step, but at least this:
        /// without batch norm, small starting weights give gradients of 0.003 that grow a
        /// thousandfold as the network wakes up, which is learning, not explosion.
        public var referenceFloor = 1.0
        /// Vanishing is not judged in the first steps, for the same reason.
        public var vanishingWarmUpSteps = 20
        /// The samples have collapsed when their diversity (real faces = 1) falls below this…
        public var collapsedDiversity = 0.05
        /// …or below this fraction of the best diversity seen in the run (once that best is at
        /// least `collapsedDiversity` × 2)…
        public var collapsedFractionOfBest = 0.5
        /// …after this many steps: at first every face is the same grey blob because G has
        /// learned nothing yet (diversity 0.01 at step 25, 0.09 at step 50 in the lesson's run),
        /// which is not collapse.
        public var collapseWarmUpSteps = 50
        /// Steps between checkups (diversity measured, healthy state kept).
        public var checkupEvery = 25

        public init() {}
    }

    /// One named failure, with the stretch of steps it covered and the numbers behind it.
    public enum Finding: Equatable, Sendable {
        case discriminatorWins(from: Int, to: Int, realVerdict: Double, fakeVerdict: Double)
        case gradientsExplode(network: String, from: Int, to: Int, norm: Double, reference: Double)
        case gradientsVanish(network: String, from: Int, to: Int, norm: Double, reference: Double)
        case collapse(from: Int, to: Int, diversity: Double, best: Double)

        /// Findings of the same kind (and network) are one finding whose stretch grows.
        var key: String {
            switch self {
            case .discriminatorWins: return "wins"
            case .gradientsExplode(let network, _, _, _, _): return "explode " + network
            case .gradientsVanish(let network, _, _, _, _): return "vanish " + network
            case .collapse: return "collapse"
            }
        }
    }

    public static let networkNames = (discriminator: "discriminator", generator: "generator")

    public var limits: Limits
    /// What the doctor found since training began (or since the last roll-back), in the order found.
    public private(set) var findings: [Finding] = []
    /// How many of `findings` `newFindings()` has handed out (a finding keeps its place as it grows).
    private var announcedCount = 0
    /// Every diversity measured at a checkup, in step order.
    public private(set) var diversityReadings: [(step: Int, value: Double)] = []
    /// The last state the doctor found healthy at a checkup; nil until one was.
    public private(set) var lastHealthy: ModelSnapshot?
    /// The smoothed D(x) and D(G(z)) after the last step seen.
    public private(set) var smoothedVerdicts: (real: Double, fake: Double)?
    /// Each network's gradient norm at the first step the doctor saw (at least `referenceFloor`).
    public private(set) var referenceNorms: (discriminator: Double, generator: Double)?
    /// The last step observed.
    public private(set) var step = 0
    /// Whether the loss guard stopped the last training call (the trainer's caller says so):
    /// the doctor then offers its own, safer, roll-back point even without a finding of its own.
    public var lossGuardStopped = false

    private var winningSince: Int?
    /// The recent steps at which each network's gradient was too large / too small.
    private var explodingSteps: [String: [Int]] = [:]
    private var vanishingSteps: [String: [Int]] = [:]
    /// Whether any step since the last checkup was out of the healthy range.
    private var troubledSinceCheckup = false

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The latest diversity, if any was measured.
    public var diversity: Double? { diversityReadings.last?.value }

    /// Reads one step's vitals. `step` counts over the whole run (the trainer's step number).
    public mutating func observe(_ vitals: GANVitals, step: Int) {
        self.step = step
        let previous = smoothedVerdicts ?? (vitals.realVerdict, vitals.fakeVerdict)
        // The average of roughly the last ten steps, as the loss guard smooths losses.
        let smoothed = (real: 0.9 * previous.real + 0.1 * vitals.realVerdict, fake: 0.9 * previous.fake + 0.1 * vitals.fakeVerdict)
        smoothedVerdicts = smoothed

        // 1. The discriminator winning outright.
        if smoothed.real > limits.winningRealVerdict && smoothed.fake < limits.winningFakeVerdict {
            troubledSinceCheckup = true
            let since = winningSince ?? step
            winningSince = since
            if step - since + 1 >= limits.winningPatience {
                record(.discriminatorWins(from: since, to: step, realVerdict: smoothed.real, fakeVerdict: smoothed.fake))
            }
        } else {
            winningSince = nil
        }

        // 2. Gradients, each network against its own first step.
        let reference = referenceNorms ?? (max(vitals.discriminatorGradientNorm, limits.referenceFloor),
                                           max(vitals.generatorGradientNorm, limits.referenceFloor))
        referenceNorms = reference
        judgeGradient(Self.networkNames.discriminator, vitals.discriminatorGradientNorm, reference.discriminator, step: step)
        judgeGradient(Self.networkNames.generator, vitals.generatorGradientNorm, reference.generator, step: step)
    }

    private mutating func judgeGradient(_ network: String, _ norm: Double, _ reference: Double, step: Int) {
        let exploding = !norm.isFinite || norm > limits.explosionFactor * reference
        let vanishing = norm.isFinite && norm < limits.vanishingFactor * reference && step > limits.vanishingWarmUpSteps
        if exploding || vanishing { troubledSinceCheckup = true }
        if let since = recent(&explodingSteps, network, exploding, step: step) {
            record(.gradientsExplode(network: network, from: since, to: step, norm: norm, reference: reference))
        }
        if let since = recent(&vanishingSteps, network, vanishing, step: step) {
            record(.gradientsVanish(network: network, from: since, to: step, norm: norm, reference: reference))
        }
    }

    /// Notes whether `network` was out of range at `step`; when it was, and in enough of the
    /// last `gradientWindow` steps, returns the first of them.
    private func recent(_ table: inout [String: [Int]], _ network: String, _ outOfRange: Bool, step: Int) -> Int? {
        var steps = (table[network] ?? []).filter { $0 > step - limits.gradientWindow }
        if outOfRange { steps.append(step) }
        table[network] = steps
        guard outOfRange, steps.count >= limits.gradientCount else { return nil }
        return steps.first
    }

    /// Whether the trainer should hold a checkup after `step`.
    public func isCheckupDue(after step: Int) -> Bool {
        limits.checkupEvery > 0 && step % limits.checkupEvery == 0
    }

    /// A checkup after `step`: `diversity` of the fixed-noise samples now (nil when it could not
    /// be measured), and `snapshot` to keep if the state is healthy.
    public mutating func checkup(step: Int, diversity: Double?, snapshot: () -> ModelSnapshot) {
        var healthy = !troubledSinceCheckup
        troubledSinceCheckup = false
        if let diversity {
            let best = max(diversityReadings.map { $0.value }.filter(\.isFinite).max() ?? diversity, diversity)
            diversityReadings.append((step, diversity))
            if !diversity.isFinite {
                healthy = false
            } else if step >= limits.collapseWarmUpSteps && isCollapsed(diversity, best: best) {
                healthy = false
                let since: Int
                if case .collapse(let from, _, _, _)? = findings.first(where: { $0.key == "collapse" }) { since = from } else { since = step }
                record(.collapse(from: since, to: step, diversity: diversity, best: best))
            }
        }
        if healthy { lastHealthy = snapshot() }
    }

    /// Nearly identical faces, or far less varied than this run's own best.
    func isCollapsed(_ diversity: Double, best: Double) -> Bool {
        diversity < limits.collapsedDiversity
            || (best >= 2 * limits.collapsedDiversity && diversity < limits.collapsedFractionOfBest * best)
    }

    /// After the trainer returned to `lastHealthy`: what was found after it belongs to a discarded
    /// model, so the doctor starts watching afresh from there (the first step's gradient norms
    /// stay the reference).
    public mutating func rolledBack(to step: Int) {
        findings = []
        announcedCount = 0
        diversityReadings.removeAll { $0.step > step }
        smoothedVerdicts = nil
        winningSince = nil
        explodingSteps = [:]
        vanishingSteps = [:]
        troubledSinceCheckup = false
        lossGuardStopped = false
        self.step = step
    }

    /// The findings made since the last call, each handed out once: what to tell the learner
    /// while the run goes on.
    public mutating func newFindings() -> [Finding] {
        defer { announcedCount = findings.count }
        return Array(findings.dropFirst(announcedCount))
    }

    /// Adds a finding, or grows the one of the same kind already found.
    private mutating func record(_ finding: Finding) {
        if let index = findings.firstIndex(where: { $0.key == finding.key }) {
            findings[index] = merged(findings[index], finding)
        } else {
            findings.append(finding)
        }
    }

    /// The earlier stretch's start, the later one's end and numbers.
    private func merged(_ earlier: Finding, _ later: Finding) -> Finding {
        switch (earlier, later) {
        case let (.discriminatorWins(from, _, _, _), .discriminatorWins(_, to, real, fake)):
            return .discriminatorWins(from: from, to: to, realVerdict: real, fakeVerdict: fake)
        case let (.gradientsExplode(network, from, _, _, _), .gradientsExplode(_, _, to, norm, reference)):
            return .gradientsExplode(network: network, from: from, to: to, norm: norm, reference: reference)
        case let (.gradientsVanish(network, from, _, _, _), .gradientsVanish(_, _, to, norm, reference)):
            return .gradientsVanish(network: network, from: from, to: to, norm: norm, reference: reference)
        case let (.collapse(from, _, _, _), .collapse(_, to, diversity, best)):
            return .collapse(from: from, to: to, diversity: diversity, best: best)
        default:
            return later
        }
    }
}
