import Foundation
import GRDB

/// Answer text as stored, NUL bytes included.
///
/// GRDB binds and reads text as C strings, so «до\0после» would be stored as «до». Text with a NUL
/// is therefore stored as its UTF-8 bytes (a BLOB) and read back from them; other text stays TEXT.
///
/// ```swift
/// try db.execute(sql: "INSERT INTO answer … VALUES (?)", arguments: [StoredText.binding(text)])
/// let text = StoredText.read(row, "value")
/// ```
enum StoredText {
    /// The value to bind for `text`.
    static func binding(_ text: String) -> any DatabaseValueConvertible {
        text.utf8.contains(0) ? Data(text.utf8) : text
    }

    /// The text in a column written with ``binding(_:)``.
    static func read(_ row: Row, _ column: String) -> String {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .string(let text): return text
        default: return String.fromDatabaseValue(value) ?? ""
        }
    }
}
