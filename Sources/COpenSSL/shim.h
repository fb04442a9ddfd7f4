#ifndef SIGNET_COPENSSL_SHIM_H
#define SIGNET_COPENSSL_SHIM_H

// The low-level digest API (SHA256_Init and friends) is deprecated in OpenSSL 3 but is the
// fastest path: a pre-keyed HMAC is two context structs copied by value, no EVP fetch per call.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/crypto.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#endif
