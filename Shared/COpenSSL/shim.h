#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/rsa.h>

/* Wrappers for OpenSSL macros that Swift cannot call. */
static inline long copenssl_bio_set_conn_hostname(BIO *bio, const char *host_and_port) {
    return BIO_set_conn_hostname(bio, host_and_port);
}
static inline long copenssl_bio_get_ssl(BIO *bio, SSL **ssl) {
    return BIO_get_ssl(bio, ssl);
}
static inline int copenssl_bio_should_retry(BIO *bio) {
    return BIO_should_retry(bio);
}
static inline long copenssl_ssl_set_tlsext_host_name(SSL *ssl, const char *host) {
    return SSL_set_tlsext_host_name(ssl, host);
}
static inline int copenssl_ssl_ctx_require_tls12(SSL_CTX *context) {
    return (int)SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
}
#endif
