-- The payment providers' simulator, outside production only: what it knows of the orders and refunds it
-- was sent, and the notifications it delivers to the platform's callback URLs with the providers' retry
-- schedules.

-- A notification on its way: the URL and body as the provider sends them, the attempts made, when the
-- next is due, and the last answer. Delivered once the callback answers what the provider expects;
-- abandoned when the schedule runs out.
CREATE TABLE sandbox_letters (
    id bigserial PRIMARY KEY,
    provider text NOT NULL CHECK (provider IN ('wechat', 'alipay')),
    url text NOT NULL CHECK (url ~ '^https?://'),
    content_type text NOT NULL,
    body bytea NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_answer text NOT NULL DEFAULT '',
    delivered_at timestamptz,
    abandoned_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_letters_due ON sandbox_letters (next_attempt_at)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;

-- WeChat Pay's orders as the simulator keeps them (one per merchant and out_trade_no).
CREATE TABLE sandbox_wechat_orders (
    prepay_id text PRIMARY KEY,
    app_id text NOT NULL,
    mch_id text NOT NULL,
    out_trade_no text NOT NULL,
    total_fee bigint NOT NULL CHECK (total_fee > 0),
    body text NOT NULL,
    openid text NOT NULL DEFAULT '',
    trade_type text NOT NULL,
    notify_url text NOT NULL,
    state text NOT NULL DEFAULT 'NOTPAY' CHECK (state IN ('NOTPAY', 'SUCCESS', 'CLOSED', 'PAYERROR', 'REFUND')),
    transaction_id text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz,
    UNIQUE (mch_id, out_trade_no)
);

-- WeChat Pay's refunds as the simulator keeps them: PROCESSING until they settle (SUCCESS, or CHANGE
-- when told to fail).
CREATE TABLE sandbox_wechat_refunds (
    refund_id text PRIMARY KEY,
    mch_id text NOT NULL,
    out_refund_no text NOT NULL,
    out_trade_no text NOT NULL,
    transaction_id text NOT NULL,
    total_fee bigint NOT NULL CHECK (total_fee > 0),
    refund_fee bigint NOT NULL CHECK (refund_fee > 0 AND refund_fee <= total_fee),
    notify_url text NOT NULL DEFAULT '',
    state text NOT NULL DEFAULT 'PROCESSING' CHECK (state IN ('PROCESSING', 'SUCCESS', 'CHANGE')),
    settles_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (mch_id, out_refund_no)
);
CREATE INDEX sandbox_wechat_refunds_due ON sandbox_wechat_refunds (settles_at) WHERE state = 'PROCESSING';
