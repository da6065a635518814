-- Train-ticket orders (document 000): the passenger, the route, the acceptable trains and seats per day
-- (train_order_details), the amount in fen, where the order stands (the document's states), the trade
-- that pays it, the merchant working on it and the ticket it submitted, and a history row per change.
CREATE TABLE train_orders (
    id bigserial PRIMARY KEY,
    order_no text NOT NULL UNIQUE CHECK (order_no ~ '^[0-9]{22}$'),
    account_id bigint NOT NULL CHECK (account_id > 0),
    ticket_identity text NOT NULL CHECK (char_length(ticket_identity) BETWEEN 1 AND 32),
    ticket_name text NOT NULL CHECK (char_length(ticket_name) BETWEEN 1 AND 64),
    identity_type text NOT NULL DEFAULT '身份证',
    linkman_type text NOT NULL DEFAULT '成人',
    from_site text NOT NULL CHECK (char_length(from_site) BETWEEN 1 AND 32),
    to_site text NOT NULL CHECK (char_length(to_site) BETWEEN 1 AND 32),
    order_amount bigint NOT NULL CHECK (order_amount > 0),
    status text NOT NULL DEFAULT 'wait_pay' CHECK (status IN (
        'wait_pay', 'wait_rob', 'robing', 'order_audit', 'wait_confirme', 'success', 'cancel',
        'returning_amount', 'returned_audit', 'returned_return', 'returned_amount')),
    -- Where a refund request interrupted the order (its rejection resumes there).
    resume_status text CHECK (resume_status IN ('wait_rob', 'robing')),
    trade_no text NOT NULL UNIQUE,
    merchant_id bigint CHECK (merchant_id > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    modified_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'robing') <= (merchant_id IS NOT NULL))
);
CREATE INDEX train_orders_of_account ON train_orders (account_id, id DESC);
CREATE INDEX train_orders_waiting ON train_orders (id DESC) WHERE status = 'wait_rob';

CREATE TABLE train_order_details (
    order_id bigint NOT NULL REFERENCES train_orders (id),
    position integer NOT NULL CHECK (position BETWEEN 1 AND 10),
    seat_type text NOT NULL CHECK (char_length(seat_type) BETWEEN 1 AND 64),
    departure_date date NOT NULL,
    train_num text NOT NULL CHECK (char_length(train_num) BETWEEN 1 AND 128),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE train_order_history (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES train_orders (id),
    from_status text,
    to_status text NOT NULL,
    actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 64),
    note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX train_order_history_of_order ON train_order_history (order_id, id);
