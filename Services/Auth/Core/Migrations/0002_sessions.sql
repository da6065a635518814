-- Sessions of every dialect and the single-use request nonces.
-- A token is never stored: only its SHA-256, so a copy of the table opens no session.
CREATE TABLE sessions (
    token_hash     bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    account_id     bigint NOT NULL,
    dialect        text NOT NULL CHECK (dialect IN ('train', 'o2o', 'c2c', 'yaf', 'mobile', 'admin')),
    app            text NOT NULL DEFAULT '',
    open_id        text,
    role           text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('logout', 'replaced', 'password_changed'))
);
CREATE INDEX sessions_account ON sessions (account_id, dialect, app) WHERE revoked_at IS NULL;

CREATE TABLE nonces (
    scope      text NOT NULL,
    nonce      text NOT NULL CHECK (length(nonce) BETWEEN 1 AND 64),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (scope, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);
