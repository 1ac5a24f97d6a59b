import AnketaAnalysis
import AnketaCore
import AnketaStats

/// Change from the previous municipal wave: the municipality's pooled figures and every school
/// shown in both waves, each indicator with the same test as a school's справка (`Dynamics`:
/// Welch's t on respondents' scores, or the interval for shares of respondents), Holm-corrected
/// across the schools for each indicator.
///
/// ```swift
/// let dynamics = MunicipalDynamics(previous: audience2025, current: audience2026)
/// ```
public struct MunicipalDynamics: Codable, Sendable, Equatable {
    public var previousWave: String
    public var currentWave: String
    /// The municipality, pooled over each wave's shown schools.
    public var municipal: [Entry]
    /// Schools shown in both waves, in the registry order of the current wave.
    public var schools: [School]

    public struct School: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var indicators: [Entry]
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var previous: Double?
        public var current: Double?
        public var change: Double?
        public var p: Double?
        /// Holm-adjusted across the schools compared on this indicator (the municipality's own p for its row).
        public var pHolm: Double?
        /// true: a significant improvement, false: a significant worsening, nil: no significant change.
        public var improvement: Bool?
    }

    public init(previous: MunicipalAudience, current: MunicipalAudience) {
        previousWave = previous.municipal.wave
        currentWave = current.municipal.wave
        let lowerIsBetter = Set(current.questionnaire.indicators.filter { $0.direction == .lowerIsBetter }.map(\.id))
        func entries(_ dynamics: Dynamics) -> [Entry] {
            dynamics.indicators.map { change in
                Entry(id: change.id, previous: change.previous, current: change.current, change: change.change, p: change.p, pHolm: change.p,
                      improvement: change.improvement)
            }
        }
        municipal = entries(Dynamics(previous: previous.pooled, current: current.pooled))
        let before = Set(previous.municipal.shown.map(\.code))
        var schools: [School] = current.municipal.shown.compactMap { school in
            guard before.contains(school.code), let old = previous.schools[school.code], let now = current.schools[school.code] else { return nil }
            return School(code: school.code, name: school.name, indicators: entries(Dynamics(previous: old, current: now)))
        }
        // Holm across schools per indicator: thirty schools tested at 5 % would find a change somewhere by chance.
        for id in Set(schools.flatMap { $0.indicators.map(\.id) }) {
            var tested: [(school: Int, slot: Int, p: Double)] = []
            for (index, school) in schools.enumerated() {
                if let slot = school.indicators.firstIndex(where: { $0.id == id }), let p = school.indicators[slot].p { tested.append((index, slot, p)) }
            }
            for (entry, adjusted) in zip(tested, Holm.adjust(tested.map(\.p))) {
                var item = schools[entry.school].indicators[entry.slot]
                item.pHolm = adjusted
                if adjusted >= 0.05 { item.improvement = nil }
                else if let change = item.change, change != 0 { item.improvement = (change > 0) != lowerIsBetter.contains(id) }
                schools[entry.school].indicators[entry.slot] = item
            }
        }
        self.schools = schools
    }
}
