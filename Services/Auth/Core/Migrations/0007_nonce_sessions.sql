-- A nonce used with a session token stays claimed while that session can still be used: train calls
-- carry no time, so a captured call must not become replayable while its loginKey is valid.
ALTER TABLE nonces ADD COLUMN session_hash bytea CHECK (session_hash IS NULL OR octet_length(session_hash) = 32);
