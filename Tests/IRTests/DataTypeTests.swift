import Testing

@testable import IR

@Suite struct DataTypeTests {
    @Test(arguments: [
        ("string(20)", DataType.string(precision: 20)),
        ("decimal(12,2)", .decimal(precision: 12, scale: 2)),
        ("integer", .integer),
        ("smallint", .smallInteger),
        ("bigint", .bigInteger),
        ("datetime(29,9)", .dateTime(precision: 29, scale: 9)),
        ("binary(8)", .binary(precision: 8)),
    ])
    func canonicalNamesRoundTrip(text: String, type: DataType) {
        #expect(type.canonicalName == text)
        #expect(DataType(parsing: text) == type)
    }

    @Test func powerCenterSpellingsParse() {
        #expect(DataType(parsing: "date/time") == .dateTime(precision: 29, scale: 9))
        #expect(DataType(transformationType: "small integer", precision: 5, scale: 0) == .smallInteger)
        #expect(DataType(parsing: "string") == nil)
        #expect(DataType(parsing: "decimal(x)") == nil)
        #expect(DataType(parsing: "varchar2(3)") == nil)
    }

    @Test func objectPathParsesNamesWithBrackets() {
        let path = ObjectPath([.init("FOLDER", "a/b"), .init("MAPPING", "m[1]")])
        #expect(ObjectPath(parsing: path.description) == path)
        #expect(ObjectPath(parsing: "nonsense") == nil)
    }
}
