/// How a detector is graded, the way the field grades it: accuracy at a threshold, the ROC
/// curve and the area under it, and average precision, all from held-out pictures only.
///
/// Convention throughout: label 1 is **fake** (the class a detector looks for, "positive"),
/// label 0 is real, and a score is the detector's probability (or any number that grows with
/// it) that the picture is fake.
///
/// Why three numbers. Accuracy depends on one threshold, and a detector moved to a new
/// generator is often badly calibrated: its scores still *rank* fakes above reals, yet most of
/// them fall on the wrong side of 0.5. AUC and AP measure the ranking over every threshold at
/// once. Wang et al. (CVPR 2020) report accuracy collapsing towards 50 % on unseen generators
/// while AP stays high: both are needed to see that the detector knows something the threshold
/// hides. Definitions follow scikit-learn's `roc_curve`, `roc_auc_score` and
/// `average_precision_score`, so numbers can be checked against it.
public struct Evaluation: Sendable {
    public let scores: [Float]
    /// 1 fake, 0 real.
    public let labels: [Int]

    public var positives: Int { labels.filter { $0 == 1 }.count }
    public var negatives: Int { labels.count - positives }

    /// Checks that there is one 0/1 label per score and both classes occur.
    public init(scores: [Float], labels: [Int]) throws {
        guard scores.count == labels.count else {
            throw DetectionError.badLabels(operation: "evaluate", reason: "\(scores.count) scores but \(labels.count) labels; give one label per picture")
        }
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw DetectionError.badLabels(operation: "evaluate", reason: "labels must be 1 (fake) or 0 (real)")
        }
        guard !scores.contains(where: { !$0.isFinite }) else {
            throw DetectionError.badLabels(operation: "evaluate", reason: "a score is not a finite number")
        }
        self.scores = scores
        self.labels = labels
        guard positives > 0, negatives > 0 else {
            throw DetectionError.oneClassOnly(operation: "evaluate", positives: positives, negatives: negatives)
        }
    }

    /// The fraction of pictures on the right side of `threshold` (score ≥ threshold: "fake").
    public func accuracy(threshold: Float = 0.5) -> Double {
        confusionMatrix(threshold: threshold).accuracy
    }

    /// Counts of each kind of right and wrong answer at `threshold`.
    public func confusionMatrix(threshold: Float = 0.5) -> ConfusionMatrix {
        var matrix = ConfusionMatrix()
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label == 1) {
            case (true, true): matrix.truePositives += 1
            case (true, false): matrix.falsePositives += 1
            case (false, true): matrix.falseNegatives += 1
            case (false, false): matrix.trueNegatives += 1
            }
        }
        return matrix
    }

    /// One point of the ROC curve: calling everything scored ≥ `threshold` fake catches the
    /// fraction `truePositiveRate` of fakes and falsely accuses `falsePositiveRate` of reals.
    public struct ROCPoint: Equatable, Sendable {
        public var threshold: Float
        public var falsePositiveRate: Double
        public var truePositiveRate: Double
    }

    /// The ROC curve: one point per distinct score, thresholds falling, from (0, 0) (threshold
    /// +∞, nothing called fake) to (1, 1). Tied scores move the curve diagonally in one step,
    /// because no threshold can separate them.
    public var rocCurve: [ROCPoint] {
        var points = [ROCPoint(threshold: .infinity, falsePositiveRate: 0, truePositiveRate: 0)]
        var truePositives = 0, falsePositives = 0
        for (index, (score, label)) in sortedByScore.enumerated() {
            if label == 1 { truePositives += 1 } else { falsePositives += 1 }
            let lastOfTie = index + 1 == sortedByScore.count || sortedByScore[index + 1].score != score
            guard lastOfTie else { continue }
            points.append(ROCPoint(threshold: score, falsePositiveRate: Double(falsePositives) / Double(negatives),
                                   truePositiveRate: Double(truePositives) / Double(positives)))
        }
        return points
    }

    /// The area under the ROC curve by the trapezoid rule. It equals the probability that a
    /// random fake scores above a random real (ties counting half): 1 is a perfect ranking,
    /// 0.5 is guessing, whatever the threshold.
    public var areaUnderROC: Double {
        let curve = rocCurve
        var area = 0.0
        for (previous, point) in zip(curve, curve.dropFirst()) {
            area += (point.falsePositiveRate - previous.falsePositiveRate)
                * (point.truePositiveRate + previous.truePositiveRate) / 2
        }
        return area
    }

    /// Average precision: AP = Σₙ (Rₙ − Rₙ₋₁) · Pₙ over the distinct thresholds from the top,
    /// with recall R (fakes caught) and precision P (of the pictures called fake, the fraction
    /// that are). The area under the precision–recall curve without interpolation, as
    /// scikit-learn computes it. Chance level is the share of fakes, not 0.5.
    public var averagePrecision: Double {
        var truePositives = 0, called = 0, previousRecall = 0.0, sum = 0.0
        for (index, (score, label)) in sortedByScore.enumerated() {
            called += 1
            if label == 1 { truePositives += 1 }
            let lastOfTie = index + 1 == sortedByScore.count || sortedByScore[index + 1].score != score
            guard lastOfTie else { continue }
            let recall = Double(truePositives) / Double(positives)
            sum += (recall - previousRecall) * Double(truePositives) / Double(called)
            previousRecall = recall
        }
        return sum
    }

    /// The pictures from the highest score down (ties in input order).
    private var sortedByScore: [(score: Float, label: Int)] {
        zip(scores, labels).enumerated()
            .sorted { $0.element.0 != $1.element.0 ? $0.element.0 > $1.element.0 : $0.offset < $1.offset }
            .map { (score: $0.element.0, label: $0.element.1) }
    }
}
