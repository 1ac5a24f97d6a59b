/// Holm–Bonferroni step-down adjustment of p-values for multiple comparisons.
///
/// With m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
/// p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎). Results are returned in input order.
/// Matches R `p.adjust(method = "holm")` and statsmodels `multipletests(method="holm")`.
public enum Holm {
    /// Adjusted p-values in input order, monotone in the raw p-values and capped at 1.
    ///
    /// NaN entries stay NaN and are not counted in m (as R treats NA).
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let valid = pValues.indices.filter { !pValues[$0].isNaN }
        let order = valid.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        let m = Double(order.count)
        var adjusted = [Double](repeating: .nan, count: pValues.count)
        var runningMax = 0.0
        for (rank, index) in order.enumerated() {
            let value = Swift.min(1, (m - Double(rank)) * pValues[index])
            runningMax = Swift.max(runningMax, value)
            adjusted[index] = runningMax
        }
        return adjusted
    }
}
