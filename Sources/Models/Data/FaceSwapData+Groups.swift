import Faces

extension FaceSwapData {
    /// Kinds of held-out A picture, picked by the manifest's attributes, for asking where a swap
    /// fails. The thresholds split the 100 held-out pictures of `pair-32` into groups of about
    /// 20: head turn (`yaw`, degrees, 0 = facing the camera) and light direction (`lightSide`,
    /// −1 = from the left, +1 = from the right).
    public enum Group: String, CaseIterable, Sendable {
        case all
        /// Facing the camera (|yaw| < 6°) and lit from near the front (|lightSide| < 0.5).
        case frontal
        /// Head turned 12° or more to either side: rare in training, hard to draw.
        case turned
        /// Light strongly from one side (|lightSide| ≥ 0.8): half the face in shadow.
        case sideLit = "side-lit"

        func contains(yaw: Float, lightSide: Float) -> Bool {
            switch self {
            case .all: return true
            case .frontal: return abs(yaw) < 6 && abs(lightSide) < 0.5
            case .turned: return abs(yaw) >= 12
            case .sideLit: return abs(lightSide) >= 0.8
            }
        }
    }

    /// The held-out A pictures of `group` and their true answers, row for row.
    public func heldOut(_ group: Group) throws -> (faces: ImageDataset, answers: ImageDataset) {
        let yaw = try heldOutA.labels("yaw") { Float($0) ?? 0 }
        let light = try heldOutA.labels("lightSide") { Float($0) ?? 0 }
        let rows = heldOutA.attributeRows.indices.filter { group.contains(yaw: yaw[$0], lightSide: light[$0]) }
        guard !rows.isEmpty else {
            throw ExperimentError.unsuitableData("no held-out A picture is in the group \"\(group.rawValue)\"")
        }
        return (try heldOutA.subset(rows), try answersB.subset(rows))
    }
}
