-- The wallet: balance and frozen balance in fen (integer cents), points, and their ledgers. Every
-- movement is one statement that changes the wallet row and writes its ledger row together, so at
-- every instant, per account and in total:
--   balance = sum(balance_change), frozen = sum(frozen_change), points = sum(points_ledger.change).
-- Nothing can go below zero: the CHECK constraints refuse it whatever the code does.
CREATE TABLE wallets (
    account_id bigint PRIMARY KEY REFERENCES profiles (account_id),
    balance    bigint NOT NULL DEFAULT 0 CONSTRAINT wallets_balance_not_negative CHECK (balance >= 0),
    frozen     bigint NOT NULL DEFAULT 0 CONSTRAINT wallets_frozen_not_negative CHECK (frozen >= 0),
    points     bigint NOT NULL DEFAULT 0 CONSTRAINT wallets_points_not_negative CHECK (points >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wallet_ledger (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES wallets (account_id),
    kind           text NOT NULL CHECK (kind IN ('credit', 'debit', 'freeze', 'unfreeze', 'settle', 'adjust',
                                                 'points_exchange')),
    balance_change bigint NOT NULL,
    frozen_change  bigint NOT NULL,
    balance_after  bigint NOT NULL CHECK (balance_after >= 0),
    frozen_after   bigint NOT NULL CHECK (frozen_after >= 0),
    -- What the movement is for (an order number), as the calling service names it.
    reference      text CHECK (reference IS NULL OR char_length(reference) BETWEEN 1 AND 64),
    reason         text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 200),
    -- Who moved the money: `service`, `user` or `admin:<id>`.
    actor          text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (balance_change <> 0 OR frozen_change <> 0)
);
CREATE INDEX wallet_ledger_account ON wallet_ledger (account_id, id DESC);

CREATE TABLE points_ledger (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES wallets (account_id),
    kind         text NOT NULL CHECK (kind IN ('add', 'spend', 'exchange')),
    change       bigint NOT NULL CHECK (change <> 0),
    points_after bigint NOT NULL CHECK (points_after >= 0),
    reference    text CHECK (reference IS NULL OR char_length(reference) BETWEEN 1 AND 64),
    reason       text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 200),
    actor        text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_ledger_account ON points_ledger (account_id, id DESC);

-- Each idempotency key is used once: the movement's statement inserts it with its outcome, so a
-- second use fails on the primary key and rolls that statement back; the stored outcome answers it.
-- `fingerprint` holds the operation's parameters: the same key with other parameters is refused.
CREATE TABLE idempotency_keys (
    key              text PRIMARY KEY CHECK (char_length(key) BETWEEN 1 AND 128),
    operation        text NOT NULL CHECK (char_length(operation) BETWEEN 1 AND 64),
    fingerprint      text NOT NULL CHECK (char_length(fingerprint) BETWEEN 1 AND 400),
    account_id       bigint NOT NULL,
    -- NULL when applied; else why it was refused (`insufficient_balance`, `insufficient_points` …).
    refusal          text CHECK (refusal IS NULL OR char_length(refusal) BETWEEN 1 AND 64),
    wallet_entry_id  bigint REFERENCES wallet_ledger (id),
    points_entry_id  bigint REFERENCES points_ledger (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((refusal IS NULL) = (wallet_entry_id IS NOT NULL OR points_entry_id IS NOT NULL))
);
