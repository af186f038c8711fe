import Detection
import Testing

@Suite struct EvaluationTests {
    /// Golden values from scikit-learn 1.9.1:
    ///     from sklearn.metrics import roc_auc_score, average_precision_score
    ///     s = [0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53, 0.52, 0.51, 0.505]
    ///     y = [1, 1, 0, 1, 1, 1, 0, 0, 1, 0]
    ///     roc_auc_score(y, s) == 0.75; average_precision_score(y, s) == 0.8416666666666666
    @Test func areaAndPrecisionMatchScikitLearn() throws {
        let evaluation = try Evaluation(scores: [0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53, 0.52, 0.51, 0.505],
                                        labels: [1, 1, 0, 1, 1, 1, 0, 0, 1, 0])
        #expect(abs(evaluation.areaUnderROC - 0.75) < 1e-12)
        #expect(abs(evaluation.averagePrecision - 0.8416666666666666) < 1e-12)
    }

    /// Ties, from scikit-learn 1.9.1 with s = [0.5, 0.5, 0.2, 0.8, 0.5, 0.1], y = [1, 0, 0, 1, 1, 0]:
    ///     roc_auc_score → 0.888888888888889, average_precision_score → 0.8333333333333333,
    ///     roc_curve(drop_intermediate=False) → fpr [0, 0, 1/3, 2/3, 1], tpr [0, 1/3, 1, 1, 1],
    ///     thresholds [inf, 0.8, 0.5, 0.2, 0.1]
    @Test func tiedScoresMoveTheCurveInOneStep() throws {
        let evaluation = try Evaluation(scores: [0.5, 0.5, 0.2, 0.8, 0.5, 0.1], labels: [1, 0, 0, 1, 1, 0])
        #expect(abs(evaluation.areaUnderROC - 0.888888888888889) < 1e-12)
        #expect(abs(evaluation.averagePrecision - 0.8333333333333333) < 1e-12)
        let curve = evaluation.rocCurve
        #expect(curve.map(\.threshold) == [.infinity, 0.8, 0.5, 0.2, 0.1])
        #expect(curve.map(\.falsePositiveRate) == [0, 0, 1.0 / 3, 2.0 / 3, 1])
        #expect(curve.map(\.truePositiveRate) == [0, 1.0 / 3, 1, 1, 1])
    }

    /// Counted by hand: at 0.5, scores ≥ 0.5 are called fake.
    ///     0.5→1 TP, 0.5→0 FP, 0.2→0 TN, 0.8→1 TP, 0.5→1 TP, 0.1→0 TN
    @Test func confusionMatrixAndAccuracyCountedByHand() throws {
        let evaluation = try Evaluation(scores: [0.5, 0.5, 0.2, 0.8, 0.5, 0.1], labels: [1, 0, 0, 1, 1, 0])
        #expect(evaluation.confusionMatrix() == ConfusionMatrix(truePositives: 3, falsePositives: 1, trueNegatives: 2, falseNegatives: 0))
        #expect(evaluation.accuracy() == 5.0 / 6)
        // At 0.6 only the 0.8 is called fake: TP 1, FN 2, TN 3.
        #expect(evaluation.accuracy(threshold: 0.6) == 4.0 / 6)
    }

    /// A perfect ranking and a perfectly wrong one.
    @Test func perfectAndInvertedRankings() throws {
        let right = try Evaluation(scores: [0.9, 0.8, 0.2, 0.1], labels: [1, 1, 0, 0])
        let wrong = try Evaluation(scores: [0.1, 0.2, 0.8, 0.9], labels: [1, 1, 0, 0])
        #expect(right.areaUnderROC == 1 && right.averagePrecision == 1)
        #expect(wrong.areaUnderROC == 0)
        // Recall steps at ranks 3 and 4 with precisions 1/3 and 2/4: 0.5·1/3 + 0.5·1/2 = 5/12
        // (scikit-learn 1.9.1's average_precision_score([1,1,0,0], [0.1,0.2,0.8,0.9]) agrees: 0.41666…).
        #expect(abs(wrong.averagePrecision - 5.0 / 12) < 1e-12)
    }

    @Test(arguments: [
        ([Float(0.1), 0.2], [1], "evaluate: 2 scores but 1 labels; give one label per picture"),
        ([Float(0.1), 0.2], [1, 2], "evaluate: labels must be 1 (fake) or 0 (real)"),
        ([Float(0.1), .nan], [1, 0], "evaluate: a score is not a finite number"),
        ([Float(0.1), 0.2], [1, 1], "evaluate: needs both fakes and reals among the labels (got 2 fake, 0 real)"),
    ])
    func badInputsAreRefusedWithASentence(scores: [Float], labels: [Int], message: String) {
        let error = #expect(throws: DetectionError.self) { try Evaluation(scores: scores, labels: labels) }
        #expect(error?.description == message)
    }
}
