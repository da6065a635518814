-- Login codes the WeChat simulator handed out (development and test only): each names the simulated
-- person it logs in, works once and dies after a few minutes, as wx.login codes do. A code is kept
-- only as the SHA-256 of app id and code.
CREATE TABLE wechat_simulator_codes (
    code_hash  bytea PRIMARY KEY CHECK (octet_length(code_hash) = 32),
    app_id     text NOT NULL CHECK (length(app_id) BETWEEN 1 AND 64),
    person     text NOT NULL CHECK (length(person) BETWEEN 1 AND 64),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX wechat_simulator_codes_created ON wechat_simulator_codes (created_at);

-- Scenes: what a mini-program jump carries (the scene value of a mini-program code). A scene names
-- the account it signs in and a payload for the page (user id, order number); its id is 128 random
-- bits and the bearer's proof, so the first WeChat identity that uses it keeps it.
CREATE TABLE scenes (
    id              text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    account_id      bigint NOT NULL REFERENCES accounts (id),
    -- JSON text kept as written, so the payload comes back with its keys in their order.
    payload         json NOT NULL,
    idempotency_key text UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    -- SHA-256 of the creating request's parameters: a retry with the same key must ask the same.
    request_hash    bytea NOT NULL CHECK (octet_length(request_hash) = 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    claimed_app_id  text,
    claimed_open_id text,
    claimed_at      timestamptz,
    CHECK ((claimed_app_id IS NULL) = (claimed_open_id IS NULL))
);
CREATE INDEX scenes_expiry ON scenes (expires_at);
