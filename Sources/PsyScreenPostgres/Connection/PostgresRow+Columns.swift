import PostgresNIO

extension PostgresRow {
    /// Column `index` as `T`, or a failure naming the column (a schema this version does not expect).
    func column<T: PostgresDecodable>(
        _ index: Int, as type: T.Type = T.self, at location: PostgresLocation
    ) throws(PostgresFailure) -> T {
        let cell = makeRandomAccess()[index]
        do {
            return try cell.decode(T.self, context: .default)
        } catch {
            throw PostgresFailure(location: location.displayName, .unexpectedValue(column: cell.columnName, type: "\(T.self)"))
        }
    }
}
