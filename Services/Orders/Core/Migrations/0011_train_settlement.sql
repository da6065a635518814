-- When a customer confirms a train order (or the confirmation time runs out) it is settled: the ticket's
-- price goes to the merchant less the platform's share (the merchant's benefit rate at confirmation), the
-- platform's share is ledgered, and what the customer paid above the ticket's price goes back to them. The
-- three parts add up to the order's amount. credited_at and refunded_at record the hand-over to the
-- merchant's wallet and the customer's refund, made after the confirmation's own transaction.
ALTER TABLE train_orders ADD COLUMN confirm_deadline timestamptz;
CREATE INDEX train_orders_confirming ON train_orders (confirm_deadline) WHERE status = 'wait_confirme';

CREATE TABLE train_settlements (
    order_id bigint PRIMARY KEY REFERENCES train_orders (id),
    merchant_id bigint NOT NULL CHECK (merchant_id > 0),
    order_amount bigint NOT NULL CHECK (order_amount > 0),
    benefit_rate_bp integer NOT NULL CHECK (benefit_rate_bp BETWEEN 0 AND 10000),
    merchant_share bigint NOT NULL CHECK (merchant_share >= 0),
    platform_share bigint NOT NULL CHECK (platform_share >= 0),
    customer_difference bigint NOT NULL CHECK (customer_difference >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    credited_at timestamptz,
    refunded_at timestamptz,
    CHECK (merchant_share + platform_share + customer_difference = order_amount)
);
CREATE INDEX train_settlements_open ON train_settlements (order_id) WHERE credited_at IS NULL OR refunded_at IS NULL;

-- The platform's own money: one row per share it earned.
CREATE TABLE platform_ledger (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('train_commission')),
    reference text NOT NULL UNIQUE CHECK (char_length(reference) BETWEEN 1 AND 64),
    amount bigint NOT NULL CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
