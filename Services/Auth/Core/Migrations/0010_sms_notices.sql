-- Text messages other services send through auth (`sms.notify`), one per idempotency key: sent_at is
-- set once the provider took the message, so a retry of an unsent one sends it and a retry of a sent
-- one does not. Only a hash of the text is kept: notices may carry vouchers' codes.
CREATE TABLE sms_notices (
    idempotency_key text PRIMARY KEY CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    mobile text NOT NULL CHECK (mobile ~ '^1[0-9]{10}$'),
    text_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz
);
