-- Wrong login passwords in a row, counted for the account as a whole (client_address '') and for each
-- client address that tries it, with the lock each count imposed. `locks` is the number of locks in a
-- row (each started within the window after the previous one ended); `locked_until` stays after the
-- lock ended, so the next lock knows whether it continues the row. A successful sign-in deletes the
-- account's row and that of its address, a new password every row of the account.
CREATE TABLE password_failures (
    account_id     bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    client_address text NOT NULL CHECK (length(client_address) <= 64),
    failures       integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locks          integer NOT NULL DEFAULT 0 CHECK (locks >= 0),
    locked_until   timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, client_address)
);

-- The counts and locks kept so far on the accounts become the accounts' own rows.
INSERT INTO password_failures (account_id, client_address, failures, locks, locked_until)
SELECT id, '', failed_password_attempts, CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END, locked_until
  FROM accounts
 WHERE failed_password_attempts > 0 OR locked_until IS NOT NULL;

ALTER TABLE accounts DROP COLUMN failed_password_attempts, DROP COLUMN locked_until;
