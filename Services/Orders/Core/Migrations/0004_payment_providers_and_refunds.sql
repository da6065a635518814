-- A trade's provider is chosen when the payer starts paying (a recharge is created first, then paid with
-- WeChat Pay or Alipay); a payment records the provider that confirmed it, and a transaction id is unique
-- within its provider.
ALTER TABLE trades ALTER COLUMN provider DROP NOT NULL;
ALTER TABLE trades ADD COLUMN prepay_id text CHECK (char_length(prepay_id) BETWEEN 1 AND 64);
ALTER TABLE trades ADD COLUMN prepared_until timestamptz;

ALTER TABLE trade_payments ADD COLUMN provider text NOT NULL DEFAULT 'wechat'
    CHECK (provider IN ('wechat', 'alipay'));
ALTER TABLE trade_payments ALTER COLUMN provider DROP DEFAULT;
ALTER TABLE trade_payments DROP CONSTRAINT trade_payments_transaction_id_key;
ALTER TABLE trade_payments ADD CONSTRAINT trade_payments_provider_transaction UNIQUE (provider, transaction_id);
-- A payment kept for refund is refunded by the sweep: refund_asked_at records when its refund was recorded.
ALTER TABLE trade_payments ADD COLUMN refund_asked_at timestamptz;
CREATE INDEX trade_payments_to_refund ON trade_payments (id)
    WHERE disposition = 'refund_due' AND refund_asked_at IS NULL;

-- Refunds of payments: our refund number (reused on a retry), the payment it gives back (part of), the
-- provider's refund id once it answers, and where it stands. Pending and succeeded refunds of a payment
-- never add up to more than the payment (checked under the payment's row lock by RefundBook).
CREATE TABLE refunds (
    id bigserial PRIMARY KEY,
    refund_no text NOT NULL UNIQUE CHECK (refund_no ~ '^[0-9A-Za-z_-]{1,64}$'),
    payment_id bigint NOT NULL REFERENCES trade_payments (id),
    amount bigint NOT NULL CHECK (amount > 0),
    reason text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 200),
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'succeeded', 'failed')),
    provider_refund_id text CHECK (char_length(provider_refund_id) BETWEEN 1 AND 64),
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    settled_at timestamptz,
    CHECK ((state = 'pending') = (settled_at IS NULL))
);
CREATE INDEX refunds_of_payment ON refunds (payment_id);
CREATE INDEX refunds_unsent ON refunds (id) WHERE state = 'pending' AND sent_at IS NULL;
