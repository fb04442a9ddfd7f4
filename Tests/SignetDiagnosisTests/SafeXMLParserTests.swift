import Testing

@testable import SignetDiagnosis

struct SafeXMLParserTests {
    @Test func readsEntitiesCDATAAndKeepsText() throws {
        let root = try SafeXMLParser.parse(
            "<?xml version='1.0'?><!-- c --><Error><Code>A</Code><Message>it&#39;s &lt;x&gt; &amp; &#x41;</Message><X><![CDATA[<raw>]]></X></Error>"
        )
        #expect(root.name == "Error")
        #expect(root.childText("Message") == "it's <x> & A")
        #expect(root.childText("X") == "<raw>")
    }

    @Test func refusesDTDsAndUnknownEntities() {
        let dtd = "<?xml version='1.0'?><!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><e>&x;</e>"
        #expect(SafeXMLParser.parsePartial(Array(dtd.utf8)).error?.kind == .doctypeRefused)
        #expect(SafeXMLParser.parsePartial(Array(dtd.utf8)).root == nil)
        #expect(SafeXMLParser.parsePartial(Array("<e>&bomb;</e>".utf8)).error?.kind == .unknownEntity)
    }

    @Test func capsSizeDepthAndElements() {
        let deep = String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40)
        #expect(SafeXMLParser.parsePartial(Array(deep.utf8)).error?.kind == .tooDeep)
        let big = [UInt8](repeating: 0x20, count: (1 << 20) + 1)
        #expect(SafeXMLParser.parsePartial(big).error?.kind == .tooLarge)
        let many = "<r>" + String(repeating: "<k/>", count: 20) + "</r>"
        let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 8, maxElements: 10)
        #expect(SafeXMLParser.parsePartial(Array(many.utf8), limits: limits).error?.kind == .tooManyElements)
    }

    @Test func truncatedBodiesAreSalvaged() {
        let outcome = SafeXMLParser.parsePartial(Array("<Error><Code>NoSuchKey</Code><Message>The spec".utf8))
        #expect(outcome.error?.kind == .truncated)
        #expect(outcome.root?.childText("Code") == "NoSuchKey")
        #expect(ServiceError(outcome.root!)?.code == "NoSuchKey")
    }

    @Test func malformedAndEmptyInputIsAnErrorNotACrash() {
        for text in ["", "   ", "<a></b>", "<a>x</a><b/>", "plain text", "<a b=c></a>", "<", "<a", "</a>", "<a>&"] {
            #expect(SafeXMLParser.parsePartial(Array(text.utf8)).error != nil, "\(text)")
        }
    }

    @Test func keepsUnknownElementsOfAnError() throws {
        let e = ServiceError(
            try SafeXMLParser.parse(
                "<Error><Code>AccessDenied</Code><Message>Request has expired</Message><Expires>2026-11-25T14:19:49.000Z</Expires><ServerTime>2026-11-25T14:19:51.000Z</ServerTime><X-Amz-Expires>3</X-Amz-Expires><Custom>v</Custom></Error>"
            ))
        #expect(e?.expires == "2026-11-25T14:19:49.000Z")
        #expect(e?.serverTime == "2026-11-25T14:19:51.000Z")
        #expect(e?.amzExpires == "3")
        #expect(e?.otherElements.first?.name == "Custom")
    }

    @Test func deleteBodiesAndResults() throws {
        let body = try DeleteRequestBody(
            parsing: Array(
                "<Delete>\r\n\t<Quiet>true</Quiet><Object><Key>/a b</Key></Object><Object><Key>c</Key><VersionId>1</VersionId></Object></Delete>"
                    .utf8))
        #expect(body.quiet)
        #expect(body.objects.map(\.key) == ["/a b", "c"])
        let result = DeleteResult(
            try SafeXMLParser.parse(
                "<DeleteResult xmlns='http://s3.amazonaws.com/doc/2006-03-01/'><Deleted><Key>x</Key></Deleted><Error><Key>y</Key><Code>PathConflict</Code><Message>Path conflict.</Message></Error></DeleteResult>"
            ))
        #expect(result?.deleted.map(\.key) == ["x"])
        #expect(result?.errors.first?.code == "PathConflict")
    }
}
