-- Trades (one payment of one business object each), every payment a provider confirmed, and refunds.

-- state: created (waiting for the payment, until expires_at), paid, closed (timed out or closed on
-- request). business names what the trade pays (business_ref: the order number, the recharge …).
CREATE TABLE trades (
    id bigserial PRIMARY KEY,
    trade_no text NOT NULL UNIQUE CHECK (trade_no ~ '^[0-9]{20}$'),
    business text NOT NULL CHECK (business IN ('train', 'o2o', 'recharge', 'phone')),
    business_ref text NOT NULL CHECK (char_length(business_ref) BETWEEN 1 AND 64),
    account_id bigint NOT NULL CHECK (account_id > 0),
    amount bigint NOT NULL CHECK (amount > 0),
    provider text NOT NULL CHECK (provider IN ('wechat', 'alipay')),
    state text NOT NULL DEFAULT 'created' CHECK (state IN ('created', 'paid', 'closed')),
    transaction_id text CHECK (char_length(transaction_id) BETWEEN 1 AND 64),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    paid_at timestamptz,
    closed_at timestamptz,
    CHECK ((state = 'paid') = (transaction_id IS NOT NULL AND paid_at IS NOT NULL)),
    CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX trades_expiring ON trades (expires_at) WHERE state = 'created';
CREATE INDEX trades_of_business ON trades (business, business_ref);

-- Every payment a provider confirmed, once per transaction, whatever became of it: settled (it paid
-- its trade) or refund_due (it came for a closed trade, or a second one for a paid trade, and is to be
-- given back in full).
CREATE TABLE trade_payments (
    id bigserial PRIMARY KEY,
    trade_id bigint NOT NULL REFERENCES trades (id),
    transaction_id text NOT NULL UNIQUE CHECK (char_length(transaction_id) BETWEEN 1 AND 64),
    amount bigint NOT NULL CHECK (amount > 0),
    disposition text NOT NULL CHECK (disposition IN ('settled', 'refund_due')),
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trade_payments_of_trade ON trade_payments (trade_id);
