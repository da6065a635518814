-- The replies of the wallet and points movements by idempotency key, kept by ServiceKit's
-- IdempotencyStore inside the movement's own transaction: the key is claimed with
-- INSERT … ON CONFLICT DO NOTHING, so a used key is found without an error in the server's log.
-- `fingerprint` is the SHA-256 (hex) of the operation's name, a line break and its canonical request;
-- `reply` is what the first call answered (NULL only inside the transaction that claims the key).
CREATE TABLE idempotency_replies (
    key         text PRIMARY KEY CHECK (char_length(key) BETWEEN 1 AND 128),
    fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    reply       json,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The keys used before keep answering as they did: the old `fingerprint` column held the canonical
-- request, so hashing it with the operation gives the new fingerprint.
INSERT INTO idempotency_replies (key, fingerprint, reply, created_at)
SELECT k.key,
       encode(sha256(convert_to(k.operation || E'\n' || k.fingerprint, 'UTF8')), 'hex'),
       CASE
           WHEN k.refusal IS NOT NULL THEN json_build_object('refusal', k.refusal)
           WHEN w.id IS NOT NULL THEN json_build_object(
               'entry_id', w.id, 'kind', w.kind, 'balance', w.balance_after, 'frozen', w.frozen_after)
           ELSE json_build_object('entry_id', p.id, 'change', p.change, 'points', p.points_after)
       END,
       k.created_at
  FROM idempotency_keys k
  LEFT JOIN wallet_ledger w ON w.id = k.wallet_entry_id
  LEFT JOIN points_ledger p ON p.id = k.points_entry_id;

DROP TABLE idempotency_keys;
