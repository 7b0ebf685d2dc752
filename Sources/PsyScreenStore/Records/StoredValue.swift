import PsyScreen

/// A value of a column whose text must be one of an enum's raw values (`attempt.level`, `student.status`, …):
/// decoded exactly, or the read fails. Defaulting an unknown value (to `enrolled`, to `none`) would silently
/// count a student in the wrong place; an unknown value means a damaged file or one written by a newer version.
package struct StoredValue: Error, Message, CustomStringConvertible {
    package var column: String
    package var text: String

    package static func decode<Value: RawRepresentable>(_ text: String, _ column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw StoredValue(column: column, text: text) }
        return value
    }

    package var description: String { english }
    package var english: String { StoreMessage.unknownStoredValue(column: column, text: text).english }
    package var chinese: String { StoreMessage.unknownStoredValue(column: column, text: text).chinese }
}
