-- Accounts that start from a WeChat login have no mobile number until one is bound; accounts of the
-- mobile mall may be known by e-mail alone.
ALTER TABLE accounts ALTER COLUMN mobile DROP NOT NULL;

-- The pay password has its own wrong-try counter and lock, apart from the login password's.
ALTER TABLE accounts
    ADD COLUMN failed_pay_password_attempts integer NOT NULL DEFAULT 0 CHECK (failed_pay_password_attempts >= 0),
    ADD COLUMN pay_locked_until timestamptz;

-- WeChat identities: the openId a mini-program (app id) knows a person by, bound to one account.
CREATE TABLE wechat_identities (
    app_id     text NOT NULL CHECK (length(app_id) BETWEEN 1 AND 64),
    open_id    text NOT NULL CHECK (length(open_id) BETWEEN 1 AND 128),
    union_id   text CHECK (union_id IS NULL OR length(union_id) BETWEEN 1 AND 128),
    account_id bigint NOT NULL REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, open_id)
);
CREATE INDEX wechat_identities_account ON wechat_identities (account_id);

-- Account linking (mobile mall `member/merge`): a member account joined to a primary account.
-- A primary is never itself a member, so links are one level deep.
CREATE TABLE account_links (
    member_account_id  bigint PRIMARY KEY REFERENCES accounts (id),
    primary_account_id bigint NOT NULL REFERENCES accounts (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (member_account_id <> primary_account_id)
);
CREATE INDEX account_links_primary ON account_links (primary_account_id);

-- Captcha challenges (mobile mall `code/validcode`): the answer kept server-side as a hash, tied to
-- the client's captcha cookie, single use, short-lived.
CREATE TABLE captchas (
    id_hash     bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
    answer_hash bytea NOT NULL CHECK (octet_length(answer_hash) = 32),
    wrong_answers integer NOT NULL DEFAULT 0 CHECK (wrong_answers >= 0),
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz
);
CREATE INDEX captchas_expiry ON captchas (expires_at);

-- Messages the e-mail simulator "sent" (development and test only).
CREATE TABLE email_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    subject    text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_email ON email_outbox (email, id DESC);
