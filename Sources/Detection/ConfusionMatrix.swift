/// The four counts behind every detection figure, at one threshold:
///
///                       called fake        called real
///     really fake       true positive      false negative   (a fake that got through)
///     really real       false positive     true negative    (an innocent picture accused)
///
/// Which mistake is worse depends on the use: a platform flagging uploads fears false
/// positives (accusing a real person's photo); a newsroom checking a viral clip fears false
/// negatives. Accuracy alone hides which one a detector makes.
public struct ConfusionMatrix: Equatable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, trueNegatives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// (TP + TN) / total.
    public var accuracy: Double { total == 0 ? 0 : Double(truePositives + trueNegatives) / Double(total) }

    /// TP / (TP + FN): the fraction of fakes caught (recall, sensitivity).
    public var truePositiveRate: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    /// FP / (FP + TN): the fraction of real pictures wrongly called fake.
    public var falsePositiveRate: Double {
        falsePositives + trueNegatives == 0 ? 0 : Double(falsePositives) / Double(falsePositives + trueNegatives)
    }
}
