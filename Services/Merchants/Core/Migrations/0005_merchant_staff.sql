-- The accounts that work for a merchant (its staff): they redeem the merchant's vouchers' codes through
-- the O2O mini-program. Linked and unlinked by an admin.
CREATE TABLE merchant_staff (
    merchant_id bigint NOT NULL REFERENCES merchants (id),
    account_id bigint NOT NULL CHECK (account_id > 0),
    added_by text NOT NULL CHECK (char_length(added_by) BETWEEN 1 AND 64),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, account_id)
);
CREATE INDEX merchant_staff_of_account ON merchant_staff (account_id);
