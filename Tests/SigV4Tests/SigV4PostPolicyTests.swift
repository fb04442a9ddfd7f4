import SigV4
import SignetHTTP
import Testing

/// The browser POST example of the S3 API Reference (sigv4-post-example).
struct SigV4PostPolicyTests {
    static let policy =
        "{ \"expiration\": \"2015-12-30T12:00:00.000Z\",\r\n  \"conditions\": [\r\n    {\"bucket\": \"sigv4examplebucket\"},\r\n"
        + "    [\"starts-with\", \"$key\", \"user/user1/\"],\r\n    {\"acl\": \"public-read\"},\r\n"
        + "    {\"success_action_redirect\": \"http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html\"},\r\n"
        + "    [\"starts-with\", \"$Content-Type\", \"image/\"],\r\n    {\"x-amz-meta-uuid\": \"14365123651274\"},\r\n"
        + "    {\"x-amz-server-side-encryption\": \"AES256\"},\r\n    [\"starts-with\", \"$x-amz-meta-tag\", \"\"],\r\n\r\n"
        + "    {\"x-amz-credential\": \"AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request\"},\r\n"
        + "    {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"},\r\n    {\"x-amz-date\": \"20151229T000000Z\" }\r\n  ]\r\n}"
    static let time: Int64 = 1_451_347_200  // 20151229T000000Z

    @Test func documentedExample() throws {
        let p = try SigV4PostPolicy(
            policy: Self.policy,
            credentials: try SigV4Credentials(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            settings: try SigV4Settings(region: "us-east-1"), time: Self.time)
        #expect(p.policyBase64.hasPrefix("eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEy"))
        #expect(p.policyBase64.hasSuffix("KICBdDQp9"))
        #expect(p.stringToSign == p.policyBase64)
        #expect(p.signature == "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e")
        #expect(
            p.fields.map(\.name) == ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "Policy", "X-Amz-Signature"])
        #expect(p.credential == "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request")
        #expect(p.signingKey.description == "<redacted>")
    }

    @Test func temporaryCredentialsAddTheTokenFieldAndCondition() throws {
        let credentials = try SigV4Credentials(
            accessKeyId: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "tok/en+=", expiration: Self.time + 3600)
        let settings = try SigV4Settings(region: "us-east-1")
        let doc = try SigV4PostPolicy.document(
            expiration: Self.time + 600, bucket: "b", keyPrefix: "user/", credentials: credentials, settings: settings,
            time: Self.time)
        #expect(doc.contains("{\"x-amz-security-token\": \"tok/en+=\"}"))
        #expect(doc.contains("\"expiration\": \"2015-12-29T00:10:00.000Z\""))
        let p = try SigV4PostPolicy(policy: doc, credentials: credentials, settings: settings, time: Self.time)
        #expect(p.fields.contains(SigV4PostPolicy.Field(name: "x-amz-security-token", value: "tok/en+=")))
        #expect(throws: SignetError.self) {
            try SigV4PostPolicy.document(
                expiration: Self.time + 7200, bucket: "b", keyPrefix: nil, credentials: credentials, settings: settings,
                time: Self.time)
        }
    }
}
