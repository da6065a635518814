-- Phone-credit top-ups (mobile mall, document 004 section 13), paid from the member's wallet, and the
-- orders of the phone-credit provider's simulator.

-- One top-up order. It is written before the wallet is debited (state created), so an order whose
-- debit outcome was never seen is found by the sweep. Amounts are fen: purchase_price what the provider
-- charges, sell_price what the member pays (the wallet debit, keyed phone-<order_no>). state follows
-- PhoneTopUpState: created, declined (the debit was refused, nothing moved), paid (debited), charging
-- (the provider took it as third_no), charged, failed (the debit is owed back), refunded (given back
-- once, keyed phone-refund-<order_no>).
CREATE TABLE phone_topups (
    id bigserial PRIMARY KEY,
    order_no text NOT NULL UNIQUE CHECK (order_no ~ '^37[0-9]{17}$'),
    trade_no text NOT NULL UNIQUE CHECK (trade_no ~ '^37[0-9]{19}$'),
    account_id bigint NOT NULL CHECK (account_id > 0),
    phone text NOT NULL CHECK (phone ~ '^1[0-9]{10}$'),
    face_value integer NOT NULL CHECK (face_value IN (10, 20, 30, 50, 100, 300)),
    card_id text NOT NULL CHECK (char_length(card_id) BETWEEN 1 AND 32),
    card_name text NOT NULL CHECK (char_length(card_name) BETWEEN 1 AND 64),
    belong_area text NOT NULL CHECK (char_length(belong_area) BETWEEN 1 AND 64),
    purchase_price bigint NOT NULL CHECK (purchase_price > 0),
    sell_price bigint NOT NULL CHECK (sell_price >= purchase_price AND sell_price <= 100000000),
    state text NOT NULL DEFAULT 'created'
        CHECK (state IN ('created', 'declined', 'paid', 'charging', 'charged', 'failed', 'refunded')),
    third_no text UNIQUE CHECK (char_length(third_no) BETWEEN 1 AND 64),
    failure_reason text CHECK (char_length(failure_reason) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    asked_at timestamptz,
    paid_at timestamptz,
    charged_at timestamptz,
    failed_at timestamptz,
    refunded_at timestamptz,
    CHECK ((state IN ('paid', 'charging', 'charged', 'failed', 'refunded')) = (paid_at IS NOT NULL)),
    CHECK (state <> 'charging' OR third_no IS NOT NULL),
    CHECK ((state = 'charged') = (charged_at IS NOT NULL)),
    CHECK ((state IN ('failed', 'refunded')) = (failed_at IS NOT NULL)),
    CHECK ((state = 'refunded') = (refunded_at IS NOT NULL))
);
CREATE INDEX phone_topups_of_account ON phone_topups (account_id, id);
-- What the sweep works through: orders still moving.
CREATE INDEX phone_topups_open ON phone_topups (state, updated_at)
    WHERE state IN ('created', 'paid', 'charging', 'failed');

-- The simulator's own orders (development and test only; production never mounts the simulator):
-- an order is charging (0) until the configured delay has passed, then charged (1), or failed (9)
-- for the numbers the simulator is told to fail. order_cash is fen.
CREATE TABLE juhe_sandbox_orders (
    order_id text PRIMARY KEY CHECK (order_id ~ '^[0-9A-Za-z]{8,32}$'),
    sporder_id text NOT NULL UNIQUE CHECK (sporder_id ~ '^J[0-9]{18}$'),
    phone text NOT NULL CHECK (phone ~ '^1[0-9]{10}$'),
    card_id text NOT NULL,
    card_num integer NOT NULL CHECK (card_num > 0),
    order_cash bigint NOT NULL CHECK (order_cash > 0),
    fails boolean NOT NULL,
    game_state smallint NOT NULL DEFAULT 0 CHECK (game_state IN (0, 1, 9)),
    created_at timestamptz NOT NULL DEFAULT now(),
    settled_at timestamptz,
    CHECK ((game_state = 0) = (settled_at IS NULL))
);
