import GRDB

/// Records whose Swift properties are camelCase and whose columns are snake_case (`studentId` ↔ `student_id`).
protocol SnakeCaseColumns: Codable, FetchableRecord, EncodableRecord {}

extension SnakeCaseColumns {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
