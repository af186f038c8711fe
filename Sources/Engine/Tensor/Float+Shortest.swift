extension Double {
    /// The Double a person means by a Float: its shortest decimal form, read back.
    ///
    /// `Double(Float(0.003))` is 0.003000000026077032, the exact binary value a float32 holds;
    /// printed, it looks like a bug to a learner who typed `0.003`. Swift prints a Float as the
    /// shortest decimal that reads back as the same Float (`"0.003"`), so going through that text
    /// gives the Double that prints the same way. Every Float that reaches the shell's numbers or
    /// a history file crosses here, and nowhere else.
    public init(shortest value: Float) {
        guard value.isFinite else { self = Double(value); return }
        self = Double(value.description) ?? Double(value)
    }
}
