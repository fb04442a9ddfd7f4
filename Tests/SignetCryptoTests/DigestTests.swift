import SignetCrypto
import Testing

/// Known answers from FIPS 180 / RFC 1321 / RFC 2202 / RFC 4231 and the CRC-32C check value.
struct DigestTests {
    @Test func sha1KnownAnswers() {
        #expect(Hasher<SHA1>.hash("abc").hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Hasher<SHA1>.hash("").hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test func sha256KnownAnswers() {
        #expect(Hasher<SHA256>.hash("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hasher<SHA256>.hash("").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func md5KnownAnswer() {
        #expect(Hasher<MD5>.hash("abc").hex == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test func streamingEqualsOneShot() {
        let data = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = Hasher<SHA256>()
        var i = 0
        for size in [1, 7, 64, 65, 1000, 3000] where i < data.count {
            let end = min(data.count, i + size)
            h.update(data[i..<end])
            i = end
        }
        h.update(data[i...])
        #expect(h.finalize() == Hasher<SHA256>.hash(data))
    }

    @Test func hmacSHA1RFC2202() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(HMACKey<SHA1>(key: key).authenticate("Hi There").hex == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(
            HMACKey<SHA1>(key: "Jefe").authenticate("what do ya want for nothing?").hex
                == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        // Key longer than the block: hashed first.
        let long = [UInt8](repeating: 0xaa, count: 80)
        #expect(
            HMACKey<SHA1>(key: long).authenticate("Test Using Larger Than Block-Size Key - Hash Key First").hex
                == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    @Test func hmacSHA256RFC4231() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(
            HMACKey<SHA256>(key: key).authenticate("Hi There").hex
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let long = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            HMACKey<SHA256>(key: long).authenticate("Test Using Larger Than Block-Size Key - Hash Key First").hex
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func preKeyedStateIsReusable() {
        let key = HMACKey<SHA256>(key: "key")
        let a = key.authenticate("message one")
        _ = key.authenticate("something else entirely")
        #expect(key.authenticate("message one") == a)
        var streaming = key.start()
        streaming.update("message ")
        streaming.update("one")
        #expect(streaming.finalize() == a)
    }

    @Test func keyNeverPrinted() {
        #expect(!String(describing: HMACKey<SHA1>(key: "supersecret")).contains("supersecret"))
    }

    @Test func crc32cCheckValue() {
        var c = CRC32C()
        c.update(Array("123456789".utf8))
        #expect(c.value == 0xE306_9283)
    }

    @Test func hexRoundTrip() {
        #expect(Hex.encode([0x00, 0xff, 0x10]) == "00ff10")
        #expect(Hex.decode("00FF10") == [0x00, 0xff, 0x10])
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("abc") == nil)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals("abcdef", "abcdef"))
        #expect(!ConstantTime.equals("abcdef", "abcdeg"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        #expect(ConstantTime.equals("", ""))
    }
}
