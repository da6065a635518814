import COpenSSL
import Foundation
import HTTPCore

/// One HTTPS request to an outside provider over OpenSSL: TLS 1.2 or newer, the server's
/// certificate checked against the system's trusted roots and the host name, the whole exchange
/// bounded by one deadline. It blocks its thread, so callers run it with `BlockingWork`.
public struct HTTPSExchange: Sendable {
    public let host: String
    public var port: Int
    public var timeoutMilliseconds: Int
    /// Largest response body accepted.
    public var maxBodyBytes: Int
    /// The certificate this side presents, for providers that require one (WeChat Pay's refunds).
    public var clientCertificate: ClientCertificate?

    public init(host: String, port: Int = 443, timeoutMilliseconds: Int = 5000, maxBodyBytes: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxBodyBytes = maxBodyBytes
    }

    /// Sends `request` on a new connection (closed afterwards) and returns the whole response.
    public func send(_ request: HTTPRequest) throws(HTTPSExchangeError) -> HTTPResponse {
        let deadline = time(nil) + time_t(max(1, (timeoutMilliseconds + 999) / 1000))
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw failure("cannot create a TLS context") }
        defer { SSL_CTX_free(context) }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard SSL_CTX_set_default_verify_paths(context) == 1, copenssl_ssl_ctx_require_tls12(context) == 1 else {
            throw failure("cannot load the trusted certificates")
        }
        if let clientCertificate {
            guard SSL_CTX_use_certificate_chain_file(context, clientCertificate.certificateFile) == 1,
                SSL_CTX_use_PrivateKey_file(context, clientCertificate.keyFile, SSL_FILETYPE_PEM) == 1,
                SSL_CTX_check_private_key(context) == 1
            else {
                throw failure("cannot use the client certificate \(clientCertificate.certificateFile) with its key")
            }
        }
        guard let bio = BIO_new_ssl_connect(context) else { throw failure("cannot create a connection") }
        defer { BIO_free_all(bio) }
        var ssl: OpaquePointer?
        guard copenssl_bio_get_ssl(bio, &ssl) == 1, let ssl,
            copenssl_ssl_set_tlsext_host_name(ssl, host) == 1, SSL_set1_host(ssl, host) == 1,
            copenssl_bio_set_conn_hostname(bio, "\(host):\(port)") == 1
        else { throw failure("cannot set up the connection to \(host)") }
        guard BIO_do_connect_retry(bio, Int32(max(1, deadline - time(nil))), 50) == 1 else {
            throw failure("cannot connect to \(host):\(port) over TLS")
        }
        guard SSL_get_verify_result(ssl) == X509_V_OK else {
            throw failure("\(host) presented an untrusted certificate")
        }

        var bytes: [UInt8] = []
        request.serialize(into: &bytes, host: host)
        try write(bytes, to: bio, deadline: deadline)
        return try readResponse(from: bio, deadline: deadline)
    }

    private func write(_ bytes: [UInt8], to bio: OpaquePointer, deadline: time_t) throws(HTTPSExchangeError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBufferPointer { buffer in
                BIO_write(bio, buffer.baseAddress! + sent, Int32(bytes.count - sent))
            }
            if count > 0 {
                sent += Int(count)
                continue
            }
            guard copenssl_bio_should_retry(bio) != 0, BIO_wait(bio, deadline, 50) == 1 else {
                throw failure("the request to \(host) could not be sent in time")
            }
        }
    }

    private func readResponse(from bio: OpaquePointer, deadline: time_t) throws(HTTPSExchangeError) -> HTTPResponse {
        var parser = HTTPResponseParser(maxBodyBytes: maxBodyBytes)
        parser.expectResponse(toHEAD: false)
        var buffer = ByteBuffer()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { BIO_read(bio, $0.baseAddress!, Int32($0.count)) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<Int(count)])
                if let response = try outcome(parser.next(&buffer)) { return response }
                continue
            }
            if copenssl_bio_should_retry(bio) != 0 {
                guard BIO_wait(bio, deadline, 50) == 1 else { throw failure("\(host) did not answer in time") }
                continue
            }
            if let response = try outcome(parser.endOfStream(&buffer)) { return response }
            throw failure("\(host) closed the connection without an answer")
        }
    }

    private func outcome(_ event: ResponseParseEvent) throws(HTTPSExchangeError) -> HTTPResponse? {
        switch event {
        case .response(let response, _): return response
        case .failed(let error): throw failure("\(host) answered malformed HTTP: \(error)")
        default: return nil
        }
    }

    private func failure(_ detail: String) -> HTTPSExchangeError {
        ERR_clear_error()
        return HTTPSExchangeError(detail: detail)
    }
}

/// A client certificate (PEM chain) and its private key (PEM), read from files when a connection opens.
public struct ClientCertificate: Sendable, Equatable {
    public let certificateFile: String
    public let keyFile: String

    public init(certificateFile: String, keyFile: String) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}

/// Why an HTTPS exchange gave no response.
public struct HTTPSExchangeError: Error, Sendable, CustomStringConvertible {
    public let detail: String
    public var description: String { detail }
}
