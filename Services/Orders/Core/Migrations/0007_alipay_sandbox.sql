-- The Alipay simulator, outside production only: the trades it was sent (one per app and out_trade_no,
-- under Alipay's own 28-digit trade_no) and the refunds made on them.

-- state: WAIT_BUYER_PAY once the cashier page was opened, TRADE_SUCCESS when paid, TRADE_CLOSED when
-- closed unpaid (failed, closed on request, past time_expire) or refunded in full. Amounts in fen.
CREATE TABLE sandbox_alipay_trades (
    trade_no text PRIMARY KEY CHECK (trade_no ~ '^[0-9]{28}$'),
    app_id text NOT NULL,
    out_trade_no text NOT NULL CHECK (char_length(out_trade_no) BETWEEN 1 AND 64),
    total_amount bigint NOT NULL CHECK (total_amount > 0),
    subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 256),
    notify_url text NOT NULL DEFAULT '' CHECK (notify_url = '' OR notify_url ~ '^https?://'),
    return_url text NOT NULL DEFAULT '' CHECK (return_url = '' OR return_url ~ '^https?://'),
    time_expire timestamptz,
    state text NOT NULL DEFAULT 'WAIT_BUYER_PAY'
        CHECK (state IN ('WAIT_BUYER_PAY', 'TRADE_SUCCESS', 'TRADE_CLOSED', 'TRADE_FINISHED')),
    buyer_id text,
    refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= total_amount),
    created_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz,
    closed_at timestamptz,
    UNIQUE (app_id, out_trade_no)
);

-- A refund is applied once per out_request_no of a trade.
CREATE TABLE sandbox_alipay_refunds (
    trade_no text NOT NULL REFERENCES sandbox_alipay_trades (trade_no),
    out_request_no text NOT NULL CHECK (char_length(out_request_no) BETWEEN 1 AND 64),
    refund_amount bigint NOT NULL CHECK (refund_amount > 0),
    reason text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (trade_no, out_request_no)
);
