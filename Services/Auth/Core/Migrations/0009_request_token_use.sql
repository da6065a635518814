-- A request token is used once: the use is marked on its row (kept until the token's expiry sweeps it),
-- with the idempotency key of the call that used it, so a retry of that call answers the same use and
-- any other call finds the token used. A key uses at most one token.
ALTER TABLE request_tokens
    ADD COLUMN used_at timestamptz,
    ADD COLUMN used_key text CHECK (used_key IS NULL OR length(used_key) BETWEEN 1 AND 128),
    ADD COLUMN used_by bigint,
    ADD CHECK ((used_at IS NULL) = (used_key IS NULL));
CREATE UNIQUE INDEX request_tokens_used_key ON request_tokens (used_key) WHERE used_key IS NOT NULL;
