/*
 * floor.c — the practical C + libcrypto floor for Signet's benchmark workload.
 *
 *   gcc -O2 -march=native floor.c -o floor -lcrypto
 *   ./floor [ITERATIONS [REPEATS]]        (defaults 500000 and 5)
 *
 * Every timed iteration does the whole job for the exact inputs; only the derived keys
 * (SigV4 signing key, COS SignKey) are cached, as pre-keyed low-level HMAC pad states that are
 * copied by value for each operation. Nothing that depends on the request is cached.
 *
 *   sigv4.presign   time -> date strings by arithmetic, key percent-encoding by lookup table,
 *                   canonical request, SHA-256, string to sign, HMAC-SHA256, hex, URL assembly.
 *   cos.sign        KeyTime formatting, HttpString (UrlEncode + lowercase of parameter names,
 *                   UrlEncode of values, sort, host header), SHA-1, StringToSign, HMAC-SHA1 keyed
 *                   with the hex SignKey, Authorization string.
 *   cos.presign     the same signature plus the presigned URL (encoded path, encoded auth fields,
 *                   the two response-* parameters).
 *   sigv4.chunk64k  one aws-chunked chunk signature over 64 KiB, including the SHA-256 of the data.
 *
 *   sigv4.crypto / cos.crypto   reference only: the hash, HMAC and hex of already-built strings
 *                   (what the notes call "crypto only").
 *
 * Output: lines "name value" with what was produced (for cross-checking), then one JSON line with
 * the medians: {"sigv4.presign": {"nsPerOp": ...}, "cos.presign": ..., "cos.sign": ...,
 * "sigv4.chunk64k": ...}. The process exits non-zero if the AWS documentation chunk vector or the
 * workload's known SigV4 signature does not come out.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NOINLINE __attribute__((noinline))

/* ------------------------------------------------------------------ inputs (from issue 6) */

static const char *V4_ACCESS = "AKIAIOSFODNN7EXAMPLE";
static const char *V4_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
static const char *V4_HOST = "examplebucket.s3.us-east-1.amazonaws.com";
static const char *V4_REGION = "us-east-1";
static const char *V4_SERVICE = "s3";
static const char *OBJECT_KEY = "photos/2024/06/holiday pictures/IMG_20240612_141459.jpg";
static const long V4_EXPIRES = 3600;
static const int64_t WORKLOAD_TIME = 1718201699; /* 2024-06-12T14:14:59Z */
static const char *V4_EXPECTED_SIG =
    "1597b818"; /* prefix; full value printed and compared to the notes' 1597b818…3a2be2 */
static const char *V4_EXPECTED_SIG_TAIL = "3a2be2";

static const char *COS_SECRET_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
static const char *COS_SECRET_KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
static const char *COS_HOST = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";
static const int64_t COS_START = 1718201699;
static const int64_t COS_END = 1718205299; /* window 3600 s */
/* Request parameters in the order the caller gives them. */
static const char *COS_PARAM_NAMES[2] = {"response-content-type", "response-content-disposition"};
static const char *COS_PARAM_VALUES[2] = {"image/jpeg", "attachment"};

/* aws-chunked: 64 KiB of 'a', previous signature = the AWS documentation's seed signature. */
static const char *CHUNK_PREV_SIG = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
static const char *EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
#define CHUNK_SIZE 65536

/* ------------------------------------------------------------------ small helpers */

static const char HEXDIGITS[16] = "0123456789abcdef";
static const char HEXUPPER[16] = "0123456789ABCDEF";

static inline char *put_hex(char *o, const unsigned char *d, size_t n) {
    for (size_t i = 0; i < n; i++) {
        *o++ = HEXDIGITS[d[i] >> 4];
        *o++ = HEXDIGITS[d[i] & 15];
    }
    return o;
}

static inline char *put_mem(char *o, const char *s, size_t n) {
    memcpy(o, s, n);
    return o + n;
}
#define PUT_LIT(o, lit) put_mem((o), (lit), sizeof(lit) - 1)

/* Lookup tables: 1 = byte stays literal. */
static unsigned char UNRESERVED[256];       /* A-Z a-z 0-9 - _ . ~ */
static unsigned char UNRESERVED_SLASH[256]; /* the same plus '/' */

static void init_tables(void) {
    for (int c = 0; c < 256; c++) {
        int u = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '_' || c == '.' || c == '~';
        UNRESERVED[c] = (unsigned char)u;
        UNRESERVED_SLASH[c] = (unsigned char)(u || c == '/');
    }
}

static inline char *put_encoded_byte(char *o, unsigned char c, const unsigned char *table) {
    if (table[c]) {
        *o++ = (char)c;
    } else {
        o[0] = '%';
        o[1] = HEXUPPER[c >> 4];
        o[2] = HEXUPPER[c & 15];
        o += 3;
    }
    return o;
}

static inline char *put_encoded(char *o, const char *s, size_t n, const unsigned char *table) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    /* Eight bytes at a time: independent lookups, and one 8-byte store when all stay literal. */
    for (; end - p >= 8; p += 8) {
        if (table[p[0]] & table[p[1]] & table[p[2]] & table[p[3]] & table[p[4]] & table[p[5]] & table[p[6]] &
            table[p[7]]) {
            memcpy(o, p, 8);
            o += 8;
        } else {
            for (int k = 0; k < 8; k++) o = put_encoded_byte(o, p[k], table);
        }
    }
    for (; p < end; p++) o = put_encoded_byte(o, *p, table);
    return o;
}

static inline char *put_encoded_lower(char *o, const char *s, size_t n, const unsigned char *table) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (table[c]) {
            *o++ = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        } else {
            o[0] = '%';
            o[1] = HEXDIGITS[c >> 4]; /* lowercased encoded name, as the COS rules say */
            o[2] = HEXDIGITS[c & 15];
            o += 3;
        }
    }
    return o;
}

static inline char *put_uint(char *o, uint64_t v) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) *o++ = tmp[--n];
    return o;
}

static inline char *put2(char *o, unsigned v) {
    o[0] = (char)('0' + v / 10);
    o[1] = (char)('0' + v % 10);
    return o + 2;
}

/* Days since 1970-01-01 -> civil date (H. Hinnant's algorithm). */
static inline void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

/* Writes "YYYYMMDDTHHMMSSZ" (16 bytes); the first 8 are the date stamp. */
static inline void format_amz_date(int64_t t, char out[16]) {
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    unsigned secs = (unsigned)(t - days * 86400);
    int y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    char *o = out;
    o = put2(o, (unsigned)y / 100);
    o = put2(o, (unsigned)y % 100);
    o = put2(o, m);
    o = put2(o, d);
    *o++ = 'T';
    o = put2(o, secs / 3600);
    o = put2(o, secs / 60 % 60);
    o = put2(o, secs % 60);
    *o = 'Z';
}

/* ------------------------------------------------------------------ pre-keyed HMAC (low level) */

typedef struct {
    SHA256_CTX inner, outer;
} hmac256_key;
typedef struct {
    SHA_CTX inner, outer;
} hmac1_key;

static void hmac256_prekey(hmac256_key *k, const unsigned char *key, size_t n) {
    unsigned char block[64] = {0}, pad[64];
    if (n > 64) {
        SHA256(key, n, block);
    } else {
        memcpy(block, key, n);
    }
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    SHA256_Init(&k->inner);
    SHA256_Update(&k->inner, pad, 64);
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&k->outer);
    SHA256_Update(&k->outer, pad, 64);
}

static inline void hmac256(const hmac256_key *k, const void *msg, size_t n, unsigned char out[32]) {
    SHA256_CTX c = k->inner; /* pad states copied by value */
    unsigned char ih[32];
    SHA256_Update(&c, msg, n);
    SHA256_Final(ih, &c);
    c = k->outer;
    SHA256_Update(&c, ih, 32);
    SHA256_Final(out, &c);
}

static void hmac1_prekey(hmac1_key *k, const unsigned char *key, size_t n) {
    unsigned char block[64] = {0}, pad[64];
    if (n > 64) {
        SHA1(key, n, block);
    } else {
        memcpy(block, key, n);
    }
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    SHA1_Init(&k->inner);
    SHA1_Update(&k->inner, pad, 64);
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    SHA1_Init(&k->outer);
    SHA1_Update(&k->outer, pad, 64);
}

static inline void hmac1(const hmac1_key *k, const void *msg, size_t n, unsigned char out[20]) {
    SHA_CTX c = k->inner;
    unsigned char ih[20];
    SHA1_Update(&c, msg, n);
    SHA1_Final(ih, &c);
    c = k->outer;
    SHA1_Update(&c, ih, 20);
    SHA1_Final(out, &c);
}

/* Set only for the first, untimed call: keeps the intermediate strings for the crypto-only rows. */
static int capture = 0;
static char cr_v4[512], sts_v4[256], hs_cos[512], sts_cos[128];
static size_t cr_v4_len, sts_v4_len, hs_cos_len, sts_cos_len;

/* ------------------------------------------------------------------ SigV4 */

typedef struct {
    char date[8]; /* YYYYMMDD the key was derived for */
    hmac256_key key;
} v4_key_cache;

/* Derivation with one-shot HMAC(): only at setup or when the date changes, never per op here. */
static void v4_derive(v4_key_cache *kc, const char date[8], const char *secret, const char *region,
                      const char *service) {
    unsigned char k[32], k2[32];
    char seed[128];
    unsigned int len = 32;
    int n = snprintf(seed, sizeof seed, "AWS4%s", secret);
    HMAC(EVP_sha256(), seed, n, (const unsigned char *)date, 8, k, &len);
    HMAC(EVP_sha256(), k, 32, (const unsigned char *)region, strlen(region), k2, &len);
    HMAC(EVP_sha256(), k2, 32, (const unsigned char *)service, strlen(service), k, &len);
    HMAC(EVP_sha256(), k, 32, (const unsigned char *)"aws4_request", 12, k2, &len);
    memcpy(kc->date, date, 8);
    hmac256_prekey(&kc->key, k2, 32);
}

typedef struct {
    const char *access, *secret, *host, *region, *service, *key;
    size_t access_len, host_len, region_len, service_len, key_len;
    long expires;
} v4_request;

/* Full presigned URL into url (returns its length); sig_hex receives the 64 hex digits. */
static NOINLINE size_t v4_presign(const v4_request *r, int64_t now, v4_key_cache *kc, char *url,
                                  char sig_hex[64]) {
    char amz[16];
    format_amz_date(now, amz);
    if (memcmp(kc->date, amz, 8) != 0) v4_derive(kc, amz, r->secret, r->region, r->service);

    char cr[1024];
    char *o = cr;
    o = PUT_LIT(o, "GET\n");
    char *path = o;
    *o++ = '/';
    o = put_encoded(o, r->key, r->key_len, UNRESERVED_SLASH);
    size_t path_len = (size_t)(o - path);
    *o++ = '\n';
    char *query = o;
    o = PUT_LIT(o, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=");
    o = put_encoded(o, r->access, r->access_len, UNRESERVED);
    o = PUT_LIT(o, "%2F");
    char *scope_in_query = o;
    o = put_mem(o, amz, 8);
    o = PUT_LIT(o, "%2F");
    o = put_encoded(o, r->region, r->region_len, UNRESERVED);
    o = PUT_LIT(o, "%2F");
    o = put_encoded(o, r->service, r->service_len, UNRESERVED);
    o = PUT_LIT(o, "%2Faws4_request&X-Amz-Date=");
    (void)scope_in_query;
    o = put_mem(o, amz, 16);
    o = PUT_LIT(o, "&X-Amz-Expires=");
    o = put_uint(o, (uint64_t)r->expires);
    o = PUT_LIT(o, "&X-Amz-SignedHeaders=host");
    size_t query_len = (size_t)(o - query);
    o = PUT_LIT(o, "\nhost:");
    o = put_mem(o, r->host, r->host_len);
    o = PUT_LIT(o, "\n\nhost\nUNSIGNED-PAYLOAD");
    size_t cr_len = (size_t)(o - cr);

    if (capture) {
        memcpy(cr_v4, cr, cr_len);
        cr_v4_len = cr_len;
    }
    unsigned char h[32];
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, cr, cr_len);
    SHA256_Final(h, &c);

    char sts[256];
    o = sts;
    o = PUT_LIT(o, "AWS4-HMAC-SHA256\n");
    o = put_mem(o, amz, 16);
    *o++ = '\n';
    o = put_mem(o, amz, 8);
    *o++ = '/';
    o = put_mem(o, r->region, r->region_len);
    *o++ = '/';
    o = put_mem(o, r->service, r->service_len);
    o = PUT_LIT(o, "/aws4_request\n");
    o = put_hex(o, h, 32);

    if (capture) {
        memcpy(sts_v4, sts, (size_t)(o - sts));
        sts_v4_len = (size_t)(o - sts);
    }
    unsigned char mac[32];
    hmac256(&kc->key, sts, (size_t)(o - sts), mac);
    put_hex(sig_hex, mac, 32);

    o = url;
    o = PUT_LIT(o, "https://");
    o = put_mem(o, r->host, r->host_len);
    o = put_mem(o, path, path_len);
    *o++ = '?';
    o = put_mem(o, query, query_len);
    o = PUT_LIT(o, "&X-Amz-Signature=");
    o = put_mem(o, sig_hex, 64);
    *o = 0;
    return (size_t)(o - url);
}

/* One aws-chunked chunk: SHA-256 of the data, chunk string to sign, HMAC. */
static NOINLINE void v4_chunk(const hmac256_key *key, const char amz[16], const char *scope, size_t scope_len,
                              const char prev[64], const unsigned char *data, size_t n, char sig_hex[64]) {
    unsigned char h[32];
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, data, n);
    SHA256_Final(h, &c);

    char sts[512];
    char *o = sts;
    o = PUT_LIT(o, "AWS4-HMAC-SHA256-PAYLOAD\n");
    o = put_mem(o, amz, 16);
    *o++ = '\n';
    o = put_mem(o, scope, scope_len);
    *o++ = '\n';
    o = put_mem(o, prev, 64);
    *o++ = '\n';
    o = put_mem(o, EMPTY_SHA256, 64);
    *o++ = '\n';
    o = put_hex(o, h, 32);
    unsigned char mac[32];
    hmac256(key, sts, (size_t)(o - sts), mac);
    put_hex(sig_hex, mac, 32);
}

/* ------------------------------------------------------------------ COS */

typedef struct {
    char keytime[48];
    size_t keytime_len;
    hmac1_key key; /* keyed with the 40-byte hex SignKey */
} cos_key_cache;

static void cos_derive(cos_key_cache *kc, const char *keytime, size_t kt_len, const char *secret_key) {
    unsigned char sk[20];
    unsigned int len = 20;
    char hex[40];
    HMAC(EVP_sha1(), secret_key, (int)strlen(secret_key), (const unsigned char *)keytime, kt_len, sk, &len);
    put_hex(hex, sk, 20);
    memcpy(kc->keytime, keytime, kt_len);
    kc->keytime_len = kt_len;
    hmac1_prekey(&kc->key, (const unsigned char *)hex, 40);
}

typedef struct {
    const char *secret_id, *secret_key, *host, *key;
    size_t secret_id_len, host_len, key_len;
    const char *const *param_names;
    const char *const *param_values;
    int nparams;
} cos_request;

typedef struct {
    const char *p;
    size_t n;
} span;

/* Encoded parameters: "name=value" pieces in one buffer, sorted by name. */
typedef struct {
    char buf[1024];
    span pair[8];
    size_t name_len[8];
    int n;
} cos_pairs;

static inline void cos_build_params(const cos_request *r, cos_pairs *ps) {
    char *o = ps->buf;
    ps->n = r->nparams;
    for (int i = 0; i < r->nparams; i++) {
        char *start = o;
        o = put_encoded_lower(o, r->param_names[i], strlen(r->param_names[i]), UNRESERVED);
        ps->name_len[i] = (size_t)(o - start);
        *o++ = '=';
        o = put_encoded(o, r->param_values[i], strlen(r->param_values[i]), UNRESERVED);
        ps->pair[i].p = start;
        ps->pair[i].n = (size_t)(o - start);
    }
    /* insertion sort by encoded lowercase name */
    for (int i = 1; i < ps->n; i++) {
        span s = ps->pair[i];
        size_t nl = ps->name_len[i];
        int j = i - 1;
        while (j >= 0) {
            size_t m = nl < ps->name_len[j] ? nl : ps->name_len[j];
            int cmp = memcmp(ps->pair[j].p, s.p, m);
            if (cmp < 0 || (cmp == 0 && ps->name_len[j] <= nl)) break;
            ps->pair[j + 1] = ps->pair[j];
            ps->name_len[j + 1] = ps->name_len[j];
            j--;
        }
        ps->pair[j + 1] = s;
        ps->name_len[j + 1] = nl;
    }
}

/* Signs; writes KeyTime, the sorted pairs and the 40 hex digits of the signature. */
static inline size_t cos_signature(const cos_request *r, int64_t start, int64_t end, cos_key_cache *kc,
                                   cos_pairs *ps, char keytime[48], char sig_hex[40]) {
    char *o = keytime;
    o = put_uint(o, (uint64_t)start);
    *o++ = ';';
    o = put_uint(o, (uint64_t)end);
    size_t kt_len = (size_t)(o - keytime);
    if (kc->keytime_len != kt_len || memcmp(kc->keytime, keytime, kt_len) != 0)
        cos_derive(kc, keytime, kt_len, r->secret_key);

    cos_build_params(r, ps);

    char hs[1024];
    o = hs;
    o = PUT_LIT(o, "get\n/");
    o = put_mem(o, r->key, r->key_len); /* UriPathname: the decoded path, not encoded */
    *o++ = '\n';
    for (int i = 0; i < ps->n; i++) {
        if (i) *o++ = '&';
        o = put_mem(o, ps->pair[i].p, ps->pair[i].n);
    }
    o = PUT_LIT(o, "\nhost=");
    o = put_encoded(o, r->host, r->host_len, UNRESERVED);
    *o++ = '\n';

    if (capture) {
        memcpy(hs_cos, hs, (size_t)(o - hs));
        hs_cos_len = (size_t)(o - hs);
    }
    unsigned char h[20];
    SHA_CTX c;
    SHA1_Init(&c);
    SHA1_Update(&c, hs, (size_t)(o - hs));
    SHA1_Final(h, &c);

    char sts[128];
    o = sts;
    o = PUT_LIT(o, "sha1\n");
    o = put_mem(o, keytime, kt_len);
    *o++ = '\n';
    o = put_hex(o, h, 20);
    *o++ = '\n';
    if (capture) {
        memcpy(sts_cos, sts, (size_t)(o - sts));
        sts_cos_len = (size_t)(o - sts);
    }
    unsigned char mac[20];
    hmac1(&kc->key, sts, (size_t)(o - sts), mac);
    put_hex(sig_hex, mac, 20);
    return kt_len;
}

/* Authorization string (cos.sign). */
static NOINLINE size_t cos_sign(const cos_request *r, int64_t start, int64_t end, cos_key_cache *kc, char *out) {
    cos_pairs ps;
    char kt[48], sig[40];
    size_t kt_len = cos_signature(r, start, end, kc, &ps, kt, sig);
    char *o = out;
    o = PUT_LIT(o, "q-sign-algorithm=sha1&q-ak=");
    o = put_mem(o, r->secret_id, r->secret_id_len);
    o = PUT_LIT(o, "&q-sign-time=");
    o = put_mem(o, kt, kt_len);
    o = PUT_LIT(o, "&q-key-time=");
    o = put_mem(o, kt, kt_len);
    o = PUT_LIT(o, "&q-header-list=host&q-url-param-list=");
    for (int i = 0; i < ps.n; i++) {
        if (i) *o++ = ';';
        o = put_mem(o, ps.pair[i].p, ps.name_len[i]);
    }
    o = PUT_LIT(o, "&q-signature=");
    o = put_mem(o, sig, 40);
    *o = 0;
    return (size_t)(o - out);
}

/* Presigned URL (cos.presign). */
static NOINLINE size_t cos_presign(const cos_request *r, int64_t start, int64_t end, cos_key_cache *kc,
                                   char *out) {
    cos_pairs ps;
    char kt[48], sig[40];
    size_t kt_len = cos_signature(r, start, end, kc, &ps, kt, sig);
    char *o = out;
    o = PUT_LIT(o, "https://");
    o = put_mem(o, r->host, r->host_len);
    *o++ = '/';
    o = put_encoded(o, r->key, r->key_len, UNRESERVED_SLASH);
    o = PUT_LIT(o, "?q-sign-algorithm=sha1&q-ak=");
    o = put_encoded(o, r->secret_id, r->secret_id_len, UNRESERVED);
    o = PUT_LIT(o, "&q-sign-time=");
    o = put_encoded(o, kt, kt_len, UNRESERVED);
    o = PUT_LIT(o, "&q-key-time=");
    o = put_encoded(o, kt, kt_len, UNRESERVED);
    o = PUT_LIT(o, "&q-header-list=host&q-url-param-list=");
    for (int i = 0; i < ps.n; i++) {
        if (i) o = PUT_LIT(o, "%3B");
        o = put_encoded(o, ps.pair[i].p, ps.name_len[i], UNRESERVED);
    }
    o = PUT_LIT(o, "&q-signature=");
    o = put_mem(o, sig, 40);
    for (int i = 0; i < r->nparams; i++) { /* the request's own parameters, in its order */
        *o++ = '&';
        o = put_encoded(o, r->param_names[i], strlen(r->param_names[i]), UNRESERVED);
        *o++ = '=';
        o = put_encoded(o, r->param_values[i], strlen(r->param_values[i]), UNRESERVED);
    }
    *o = 0;
    return (size_t)(o - out);
}

/* ------------------------------------------------------------------ timing */

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct {
    double median, min, max;
    long iters;
    int reps;
} result;

static volatile unsigned sink;

static result summarize(double *v, int reps, long iters) {
    qsort(v, (size_t)reps, sizeof(double), cmp_double);
    result r;
    r.median = reps % 2 ? v[reps / 2] : (v[reps / 2 - 1] + v[reps / 2]) / 2;
    r.min = v[0];
    r.max = v[reps - 1];
    r.iters = iters;
    r.reps = reps;
    return r;
}

/* The timed loops feed the time through a volatile so nothing can be hoisted out of the loop. */
static volatile int64_t v_time = WORKLOAD_TIME;
static volatile int64_t v_start = COS_START;
static volatile int64_t v_end = COS_END;

static result bench_v4_presign(const v4_request *r, v4_key_cache *kc, long iters, int reps) {
    double v[64];
    char url[1024], sig[64];
    for (long i = 0; i < iters / 10; i++) sink += (unsigned)v4_presign(r, v_time, kc, url, sig); /* warm-up */
    for (int k = 0; k < reps; k++) {
        uint64_t t0 = now_ns();
        for (long i = 0; i < iters; i++) {
            sink += (unsigned)v4_presign(r, v_time, kc, url, sig) + (unsigned char)sig[0];
        }
        v[k] = (double)(now_ns() - t0) / (double)iters;
    }
    return summarize(v, reps, iters);
}

static result bench_cos(int presign, const cos_request *r, cos_key_cache *kc, long iters, int reps) {
    double v[64];
    char out[1024];
    for (long i = 0; i < iters / 10; i++)
        sink += (unsigned)(presign ? cos_presign(r, v_start, v_end, kc, out) : cos_sign(r, v_start, v_end, kc, out));
    for (int k = 0; k < reps; k++) {
        uint64_t t0 = now_ns();
        if (presign) {
            for (long i = 0; i < iters; i++) sink += (unsigned)cos_presign(r, v_start, v_end, kc, out) + (unsigned char)out[200];
        } else {
            for (long i = 0; i < iters; i++) sink += (unsigned)cos_sign(r, v_start, v_end, kc, out) + (unsigned char)out[200];
        }
        v[k] = (double)(now_ns() - t0) / (double)iters;
    }
    return summarize(v, reps, iters);
}

static result bench_chunk(const hmac256_key *key, const char amz[16], const char *scope, size_t scope_len,
                          const unsigned char *data, long iters, int reps) {
    double v[64];
    char sig[64];
    for (long i = 0; i < iters / 10 + 1; i++) v4_chunk(key, amz, scope, scope_len, CHUNK_PREV_SIG, data, CHUNK_SIZE, sig);
    for (int k = 0; k < reps; k++) {
        uint64_t t0 = now_ns();
        for (long i = 0; i < iters; i++) {
            v4_chunk(key, amz, scope, scope_len, CHUNK_PREV_SIG, data, CHUNK_SIZE, sig);
            sink += (unsigned char)sig[0];
        }
        v[k] = (double)(now_ns() - t0) / (double)iters;
    }
    return summarize(v, reps, iters);
}

/* Crypto only, for reference (the notes' 0.65 / 0.41 µs rows): hash of an already-built canonical
 * string, HMAC of an already-built string to sign (hash hex included), signature hex. */
static result bench_crypto(int cos, const hmac256_key *k256, const hmac1_key *k1, long iters, int reps) {
    double v[64];
    unsigned char h[32], mac[32];
    char sig[64];
    for (int k = 0; k < reps; k++) {
        uint64_t t0 = now_ns();
        for (long i = 0; i < iters; i++) {
            if (cos) {
                SHA_CTX c;
                SHA1_Init(&c);
                SHA1_Update(&c, hs_cos, hs_cos_len);
                SHA1_Final(h, &c);
                put_hex(sts_cos + sts_cos_len - 41, h, 20);
                hmac1(k1, sts_cos, sts_cos_len, mac);
                put_hex(sig, mac, 20);
            } else {
                SHA256_CTX c;
                SHA256_Init(&c);
                SHA256_Update(&c, cr_v4, cr_v4_len);
                SHA256_Final(h, &c);
                put_hex(sts_v4 + sts_v4_len - 64, h, 32);
                hmac256(k256, sts_v4, sts_v4_len, mac);
                put_hex(sig, mac, 32);
            }
            sink += (unsigned char)sig[0];
        }
        v[k] = (double)(now_ns() - t0) / (double)iters;
    }
    return summarize(v, reps, iters);
}

static void print_result(const char *name, result r, int last) {
    printf("\"%s\": {\"nsPerOp\": %.1f, \"minNsPerOp\": %.1f, \"maxNsPerOp\": %.1f, \"iterations\": %ld, "
           "\"repeats\": %d}%s",
           name, r.median, r.min, r.max, r.iters, r.reps, last ? "" : ", ");
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv) {
    long iters = argc > 1 ? atol(argv[1]) : 500000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (iters < 1) iters = 1;
    if (reps < 1) reps = 1;
    if (reps > 64) reps = 64;
    long chunk_iters = iters / 40 > 0 ? iters / 40 : 1;
    int ok = 1;

    init_tables();

    /* ---- SigV4 presign */
    v4_request v4 = {V4_ACCESS, V4_SECRET, V4_HOST, V4_REGION, V4_SERVICE, OBJECT_KEY,
                     strlen(V4_ACCESS), strlen(V4_HOST), strlen(V4_REGION), strlen(V4_SERVICE),
                     strlen(OBJECT_KEY), V4_EXPIRES};
    v4_key_cache v4k;
    memset(&v4k, 0, sizeof v4k);
    char url[1024], sig[65] = {0};
    capture = 1;
    size_t url_len = v4_presign(&v4, WORKLOAD_TIME, &v4k, url, sig);
    char amz[17] = {0};
    format_amz_date(WORKLOAD_TIME, amz);
    printf("time %s\n", amz);
    printf("sigv4.presign.signature %s\n", sig);
    printf("sigv4.presign.url %s\n", url);
    printf("sigv4.presign.urlBytes %zu\n", url_len);
    if (strncmp(sig, V4_EXPECTED_SIG, strlen(V4_EXPECTED_SIG)) != 0 ||
        strcmp(sig + 64 - strlen(V4_EXPECTED_SIG_TAIL), V4_EXPECTED_SIG_TAIL) != 0) {
        fprintf(stderr, "floor: SigV4 signature %s does not match the notes' 1597b818…3a2be2\n", sig);
        ok = 0;
    }

    /* ---- COS */
    cos_request cos = {COS_SECRET_ID, COS_SECRET_KEY, COS_HOST, OBJECT_KEY,
                       strlen(COS_SECRET_ID), strlen(COS_HOST), strlen(OBJECT_KEY),
                       COS_PARAM_NAMES, COS_PARAM_VALUES, 2};
    cos_key_cache cosk;
    memset(&cosk, 0, sizeof cosk);
    char cos_out[1024];
    cos_sign(&cos, COS_START, COS_END, &cosk, cos_out);
    const char *qs = strstr(cos_out, "q-signature=");
    printf("cos.sign.signature %s\n", qs ? qs + 12 : "?");
    printf("cos.sign.authorization %s\n", cos_out);
    cos_presign(&cos, COS_START, COS_END, &cosk, cos_out);
    capture = 0;
    printf("cos.presign.url %s\n", cos_out);
    printf("sigv4.canonicalRequestBytes %zu\n", cr_v4_len);
    printf("sigv4.stringToSignBytes %zu\n", sts_v4_len);
    printf("cos.httpStringBytes %zu\n", hs_cos_len);
    printf("cos.stringToSignBytes %zu\n", sts_cos_len);

    /* ---- chunk: check the AWS documentation vector first, then the workload's chunk */
    unsigned char *data = malloc(CHUNK_SIZE);
    memset(data, 'a', CHUNK_SIZE);
    {
        v4_key_cache dk;
        v4_derive(&dk, "20130524", V4_SECRET, "us-east-1", "s3");
        const char *scope = "20130524/us-east-1/s3/aws4_request";
        char dsig[65] = {0};
        v4_chunk(&dk.key, "20130524T000000Z", scope, strlen(scope), CHUNK_PREV_SIG, data, CHUNK_SIZE, dsig);
        int good = strcmp(dsig, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648") == 0;
        printf("sigv4.chunk64k.awsDocVector %s\n", good ? "ok" : "MISMATCH");
        if (!good) ok = 0;
    }
    char scope[128];
    int scope_len = snprintf(scope, sizeof scope, "%.8s/%s/%s/aws4_request", amz, V4_REGION, V4_SERVICE);
    char csig[65] = {0};
    v4_chunk(&v4k.key, amz, scope, (size_t)scope_len, CHUNK_PREV_SIG, data, CHUNK_SIZE, csig);
    printf("sigv4.chunk64k.signature %s\n", csig);
    printf("openssl %s\n", OpenSSL_version(OPENSSL_VERSION));
    fflush(stdout);
    if (!ok) return 2;

    /* ---- timing */
    result r_v4 = bench_v4_presign(&v4, &v4k, iters, reps);
    result r_cos_presign = bench_cos(1, &cos, &cosk, iters, reps);
    result r_cos_sign = bench_cos(0, &cos, &cosk, iters, reps);
    result r_chunk = bench_chunk(&v4k.key, amz, scope, (size_t)scope_len, data, chunk_iters, reps);
    result r_v4c = bench_crypto(0, &v4k.key, &cosk.key, iters, reps);
    result r_cosc = bench_crypto(1, &v4k.key, &cosk.key, iters, reps);

    printf("{");
    print_result("sigv4.presign", r_v4, 0);
    print_result("cos.presign", r_cos_presign, 0);
    print_result("cos.sign", r_cos_sign, 0);
    print_result("sigv4.chunk64k", r_chunk, 0);
    print_result("sigv4.crypto", r_v4c, 0);
    print_result("cos.crypto", r_cosc, 1);
    printf("}\n");
    free(data);
    return 0;
}
