/// What the analysis may publish about grouping questions: one decision for every table built
/// from a grouping question's answers (see `DisclosurePlan`).
struct DisclosureDecision {
    /// Question id → option codes hidden in its option table.
    var hiddenOptions: [String: Set<String>] = [:]
    /// Grouping questions whose valid / «затрудняюсь» / blank counts are withheld.
    var hiddenAnswerCounts: Set<String> = []
    /// Per analysed grouping: group keys shown as «скрыто».
    var hiddenGroups: [Set<String>]
    /// Per analysed grouping: group keys left out altogether (a small «не указано»).
    var omittedGroups: [Set<String>]
}

extension Analyzer {
    /// Decides, per grouping question, which of its cells to hide (`DisclosurePlan`).
    func disclosure() -> DisclosureDecision {
        var decision = DisclosureDecision(hiddenGroups: Array(repeating: [], count: groupings.count),
                                          omittedGroups: Array(repeating: [], count: groupings.count))
        let minimum = options.minGroupSize
        let atoms = self.atoms
        for (q, id) in groupingQuestionIDs.enumerated() {
            let signatures = atoms[q].keys.sorted { $0.lexicographicallyPrecedes($1) }
            guard !signatures.isEmpty else { continue }
            var table = DisclosurePlan(atomCounts: signatures.map { atoms[q][$0] ?? 0 })
            let statuses = signatures.map { $0[0] }
            func members(where predicate: (Int) -> Bool) -> [Int] { signatures.indices.filter(predicate) }

            table.add(atoms: Array(signatures.indices), role: .fixed, listed: false)
            // Answer counts of the question: blank, «затрудняюсь», valid.
            var answerCells: [Int] = []
            for status in ["b", "z"] {
                if let cell = table.add(atoms: members { statuses[$0] == status }, role: .answerCount, listed: false, isAnswerCount: true) {
                    answerCells.append(cell)
                }
            }
            if let cell = table.add(atoms: members { statuses[$0] != "b" && statuses[$0] != "z" }, role: .answerCount, listed: false, isAnswerCount: true) {
                answerCells.append(cell)
            }
            // Options (grouping questions' option tables hide small options).
            var optionCells: [(code: String, cell: Int)] = []
            for option in groupingPlans[q]?.scale?.options ?? [] {
                let cellAtoms = members { statuses[$0].split(separator: "\u{1F}").dropFirst().contains(Substring(option.code)) }
                let count = cellAtoms.reduce(0) { $0 + table.atomCounts[$1] }
                guard count > 0, let cell = table.add(atoms: cellAtoms, role: count < minimum ? .sensitive : .hideable, listed: true) else { continue }
                optionCells.append((option.code, cell))
            }
            // Groups of every analysed grouping of this question.
            var groupCells: [(grouping: Int, key: String, cell: Int)] = []
            var position = 1
            for (g, grouping) in groupings.enumerated() where grouping.question == id {
                let column = position
                position += 1
                var keys: [String] = []
                for signature in signatures where !keys.contains(signature[column]) { keys.append(signature[column]) }
                for key in keys {
                    let cellAtoms = members { signatures[$0][column] == key }
                    let count = cellAtoms.reduce(0) { $0 + table.atomCounts[$1] }
                    if key == Analyzer.unspecifiedGroup {
                        // Nobody can be recognised by not answering: a small «не указано» is no group.
                        if count < minimum { decision.omittedGroups[g].insert(key); continue }
                        if let cell = table.add(atoms: cellAtoms, role: .hideable, listed: true) { groupCells.append((g, key, cell)) }
                    } else if let cell = table.add(atoms: cellAtoms, role: count < minimum ? .sensitive : .hideable, listed: true) {
                        groupCells.append((g, key, cell))
                    }
                }
            }
            let (hidden, safe) = table.decide()
            decision.hiddenOptions[id] = Set(optionCells.filter { hidden.contains($0.cell) }.map(\.code))
            if answerCells.contains(where: hidden.contains) { decision.hiddenAnswerCounts.insert(id) }
            for entry in groupCells where hidden.contains(entry.cell) { decision.hiddenGroups[entry.grouping].insert(entry.key) }
            if !safe {
                // Nothing left to hide and a small group still follows from what is published (every
                // hidden group has exactly one respondent, say): leave the hidden groups out entirely.
                for entry in groupCells where hidden.contains(entry.cell) { decision.omittedGroups[entry.grouping].insert(entry.key) }
            }
        }
        return decision
    }
}
