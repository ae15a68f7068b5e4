import Testing

@testable import KubeAPI

struct KubeAPIErrorTests {
    static func status(_ code: Int, _ reason: String) -> JSONValue {
        [
            "kind": "Status", "apiVersion": "v1", "status": "Failure", "code": .int(Int64(code)),
            "reason": .string(reason),
            "message": "server says no",
        ]
    }

    @Test(arguments: [
        (404, "NotFound", KubeAPIError.Code.notFound),
        (409, "AlreadyExists", .alreadyExists),
        (409, "Conflict", .conflict),
        (410, "Gone", .gone),
        (410, "Expired", .gone),
        (403, "Forbidden", .forbidden),
        (401, "Unauthorized", .unauthorized),
        (422, "Invalid", .invalid),
        (429, "TooManyRequests", .tooManyRequests),
        (400, "BadRequest", .badRequest),
        (405, "MethodNotAllowed", .methodNotAllowed),
        (415, "UnsupportedMediaType", .unsupportedMediaType),
        (500, "InternalError", .serverError),
        (503, "ServiceUnavailable", .serverError),
        (504, "Timeout", .timeout),
    ])
    func testInitStatus_mapsReason(code: Int, reason: String, expected: KubeAPIError.Code) {
        let error = KubeAPIError(status: Self.status(code, reason), httpStatus: code, context: "get ConfigMap ns/x")
        #expect(error.code == expected)
        #expect(error.reason == reason)
        #expect(error.statusCode == code)
        #expect(error.description == "KubeAPIError.\(expected): get ConfigMap ns/x: HTTP \(code): server says no")
    }

    @Test(arguments: [
        (400, KubeAPIError.Code.badRequest), (401, .unauthorized), (403, .forbidden), (404, .notFound),
        (409, .conflict), (410, .gone), (422, .invalid), (429, .tooManyRequests), (502, .serverError),
        (503, .serverError), (504, .timeout), (418, .unexpectedStatus),
    ])
    func testInitStatus_withoutStatusBodyMapsHTTPCode(code: Int, expected: KubeAPIError.Code) {
        let error = KubeAPIError(status: nil, httpStatus: code, context: "GET https://h/api")
        #expect(error.code == expected)
        #expect(error.message == "GET https://h/api: HTTP \(code)")
    }

    @Test func testInitStatus_invalidCarriesCauses() {
        var status = Self.status(422, "Invalid")
        status["details"] = [
            "name": "x", "kind": "configmaps",
            "causes": [
                ["reason": "FieldValueInvalid", "message": "Invalid value: \"X\"", "field": "metadata.name"],
                ["reason": "FieldValueRequired", "message": "Required value", "field": "data"],
            ],
        ]
        let error = KubeAPIError(status: status, httpStatus: 422, context: "create ConfigMap ns/X")
        #expect(error.code == .invalid)
        #expect(error.causes.map(\.field) == ["metadata.name", "data"])
        #expect(error.causes.first?.reason == "FieldValueInvalid")
        #expect(error.detailedDescription().contains("cause: metadata.name: Invalid value"))
    }

    @Test func testInitStatus_retryAfterFromHeaderOrDetails() {
        var status = Self.status(429, "TooManyRequests")
        status["details"] = ["retryAfterSeconds": 3]
        #expect(KubeAPIError(status: status, httpStatus: 429, context: "c").retryAfter == .seconds(3))
        #expect(
            KubeAPIError(status: status, httpStatus: 429, context: "c", retryAfterHeader: 7).retryAfter == .seconds(7))
        #expect(KubeAPIError(status: nil, httpStatus: 429, context: "c").retryAfter == nil)
    }

    @Test func testEquality_comparesCodesOnly() {
        let a = KubeAPIError(code: .conflict, message: "one")
        let b = KubeAPIError(code: .conflict, message: "two")
        #expect(a == b)
        #expect(a != KubeAPIError(code: .gone, message: "one"))
        #expect(KubeAPIError.Code.tooManyRequests.description == "too_many_requests")
    }
}
