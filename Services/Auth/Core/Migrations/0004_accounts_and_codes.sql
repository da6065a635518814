-- Accounts with their credentials, one-time verification codes, the SMS simulator's outbox and the
-- anti-duplicate request tokens. Passwords are kept only as salted slow hashes; codes and request
-- tokens only as their SHA-256, so a copy of these tables opens nothing.
CREATE TABLE accounts (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mobile                   text NOT NULL UNIQUE CHECK (mobile ~ '^1[0-9]{10}$'),
    email                    text UNIQUE CHECK (email IS NULL OR email ~ '^[^@[:space:]]{1,64}@[^@[:space:]]{1,189}$'),
    -- The public identifier handed to clients (yaf `open_id`): 32 random hex characters.
    open_id                  text NOT NULL UNIQUE CHECK (open_id ~ '^[0-9a-f]{32}$'),
    password_hash            text,
    pay_password_hash        text,
    failed_password_attempts integer NOT NULL DEFAULT 0 CHECK (failed_password_attempts >= 0),
    locked_until             timestamptz,
    password_changed_at      timestamptz,
    created_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE verification_codes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel        text NOT NULL CHECK (channel IN ('mobile', 'email')),
    -- The mobile number or e-mail address the code went to.
    target         text NOT NULL CHECK (length(target) BETWEEN 3 AND 254),
    purpose        text NOT NULL CHECK (purpose IN ('register', 'login', 'reset', 'bind', 'change', 'pay_password')),
    -- SHA-256 of target, purpose and code: the code itself is never stored.
    code_hash      bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    expires_at     timestamptz NOT NULL,
    attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    client_address text CHECK (client_address IS NULL OR length(client_address) <= 64)
);
-- The newest code of a target and purpose (verification, the interval between sends), and the
-- sends of a target in the last day.
CREATE INDEX verification_codes_target ON verification_codes (target, purpose, id DESC);
CREATE INDEX verification_codes_target_day ON verification_codes (target, created_at);
-- The sends asked for from one client address in the last day.
CREATE INDEX verification_codes_address_day ON verification_codes (client_address, created_at)
    WHERE client_address IS NOT NULL;
-- Old codes, for the sweep.
CREATE INDEX verification_codes_created ON verification_codes (created_at);

-- Messages the SMS simulator "sent" (development and test only).
CREATE TABLE sms_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mobile     text NOT NULL CHECK (length(mobile) BETWEEN 3 AND 32),
    text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_outbox_mobile ON sms_outbox (mobile, id DESC);

-- Anti-duplicate request tokens (yaf `system.request.token`), each good for one submission.
CREATE TABLE request_tokens (
    token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    account_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX request_tokens_expiry ON request_tokens (expires_at);
