// Placeholder: the report command lands with the statistics issue.
import ArgumentParser
extension Anketa { struct Report: ParsableCommand { static let configuration = CommandConfiguration(abstract: "Сформировать аналитическую справку.") } }
