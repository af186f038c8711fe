/// The doctor's findings in words a learner can act on: what happened, over which steps, with
/// the numbers behind it, what usually causes it, and what to try.
extension GANDoctor.Finding {
    /// The finding in a few words, for the moment it is made.
    public var headline: String {
        switch self {
        case .discriminatorWins: return "the discriminator is winning outright"
        case .gradientsExplode(let network, _, _, _, _): return "the \(network)'s gradients exploded"
        case .gradientsVanish(let network, _, _, _, _): return "the \(network)'s gradients vanished"
        case .collapse: return "the samples collapsed"
        }
    }

    public var explanation: String {
        /// "from step 3 to step 14", or "at step 50" for a stretch of one checkup.
        func stretch(_ from: Int, _ to: Int) -> String { from == to ? "at step \(to)" : "from step \(from) to step \(to)" }
        switch self {
        case let .discriminatorWins(from, to, real, fake):
            return "The discriminator is winning outright: \(stretch(from, to)) it called real faces real "
                + "(D(x) \(formatDecimal(real, digits: 2))) and generated ones fake (D(G(z)) \(formatDecimal(fake, digits: 2))) "
                + "with near certainty. A judge the generator can never fool teaches it almost nothing. "
                + "Try a lower learning rate, or put batch norm back if you took it out."
        case let .gradientsExplode(network, from, to, norm, reference):
            return "The \(network)'s gradients exploded: \(stretch(from, to)) they were far larger than at the start in most steps "
                + "(norm \(GANDoctor.roughly(norm)) at step \(to) against \(GANDoctor.roughly(reference)), "
                + "\(GANDoctor.roughly(norm / reference)) times as large). "
                + "Updates that large throw the weights about instead of improving them. "
                + "Try a tenth of the learning rate, or put batch norm back if you took it out."
        case let .gradientsVanish(network, from, to, norm, reference):
            return "The \(network)'s gradients vanished: \(stretch(from, to)) they were far smaller than at the start in most steps "
                + "(norm \(GANDoctor.roughly(norm)) at step \(to) against \(GANDoctor.roughly(reference)), "
                + "\(GANDoctor.roughly(reference / norm)) times smaller), "
                + "so it has almost stopped learning; usually its outputs are stuck at the flat ends of a sigmoid or a tanh. "
                + "Try a lower learning rate."
        case let .collapse(from, to, diversity, best):
            // The run's best is worth naming only when it was once varied.
            let fall = best >= 2 * diversity && best >= 0.1 ? " (their best this run was \(formatDecimal(best, digits: 2)))" : ""
            return "The samples collapsed: \(stretch(from, to)) the faces drawn from the fixed noise vectors "
                + "differed from one another only \(formatDecimal(diversity, digits: 2)) as much as real faces do\(fall). "
                + "Many different z now give the same few faces. "
                + "Try a lower learning rate, or put batch norm back if you took it out."
        }
    }
}

extension GANDoctor {
    /// The whole report, one paragraph per line: each finding, or that none was found; the
    /// diversity figure; and, after a finding or when the loss guard stopped the run
    /// (`lossGuardStopped`), how to return to the last healthy state, with `rollBackCommand` (for
    /// instance `rollBack(gan)`) as the exact thing to type.
    public func report(rollBackCommand: String) -> [String] {
        let stoppedByGuard = lossGuardStopped
        var lines: [String] = []
        if findings.isEmpty && stoppedByGuard {
            lines.append("GAN doctor: nothing to add to the loss guard's verdict in \(step) steps.")
        } else if findings.isEmpty {
            var summary = "GAN doctor: nothing wrong found in \(step) steps"
            if let smoothed = smoothedVerdicts {
                summary += " (D(x) \(formatDecimal(smoothed.real, digits: 2)) and D(G(z)) \(formatDecimal(smoothed.fake, digits: 2)) "
                    + "at the end, averaged over about ten steps; gradients within range)"
            }
            lines.append(summary + ".")
        } else {
            lines.append("GAN doctor: \(findings.count == 1 ? "one problem" : "\(findings.count) problems") in \(step) steps.")
            lines += findings.map { "- " + $0.explanation }
        }
        if let diversityLine { lines.append(diversityLine) }
        if !findings.isEmpty || stoppedByGuard { lines.append(rollBackOffer(rollBackCommand)) }
        return lines
    }

    /// `Diversity 0.62 at step 250 (real faces = 1; 0.05 at step 25, best 0.70 at step 200).`
    public var diversityLine: String? {
        guard let last = diversityReadings.last else { return nil }
        var line = "Diversity of the fixed-noise faces: \(formatDecimal(last.value, digits: 2)) at step \(last.step) "
            + "(1 = as varied as real faces; from step \(limits.collapseWarmUpSteps), below \(formatDecimal(limits.collapsedDiversity, digits: 2)) "
            + "or under \(formatDecimal(limits.collapsedFractionOfBest, digits: 2)) of the run's best counts as collapse"
        if let best = diversityReadings.filter({ $0.value.isFinite }).max(by: { $0.value < $1.value }), best.value >= last.value + 0.01 {
            line += "; best \(formatDecimal(best.value, digits: 2)) at step \(best.step)"
        }
        return line + ")."
    }

    /// What to type to go back, or why there is nowhere to go.
    func rollBackOffer(_ command: String) -> String {
        guard let healthy = lastHealthy else {
            return "No checkup of this run was healthy, so there is no state to go back to: make a new DCGAN, "
                + "change one setting, and train it again."
        }
        guard healthy.step < step else {
            return "The last checkup (step \(healthy.step)) was healthy again, so there is nothing to roll back to."
        }
        return "The last healthy checkup was at step \(healthy.step). To go back to it, type \(command) — then change a "
            + "setting before you train again, or the same thing will happen."
    }

    /// Three significant digits, in scientific notation when very large or small: `4.23e3`, `0.831`.
    static func roughly(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1000 || magnitude < 0.01 {
            var exponent = 0, mantissa = magnitude
            while mantissa >= 10 { mantissa /= 10; exponent += 1 }
            while mantissa < 1 { mantissa *= 10; exponent -= 1 }
            return (value < 0 ? "-" : "") + formatDecimal(mantissa, digits: 2) + "e" + String(exponent)
        }
        let digits = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3))
        return formatDecimal(value, digits: digits)
    }
}
