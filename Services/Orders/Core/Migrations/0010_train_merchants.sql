-- The merchant's work on a train order: when it grabbed the order (its booking window runs from then),
-- the ticket it submitted (the 12306 order number, the train, carriage and seat, the price it paid, never
-- above the order's amount), and the platform's note when the audit sent the ticket back.
ALTER TABLE train_orders ADD COLUMN grabbed_at timestamptz;
ALTER TABLE train_orders ADD COLUMN ticket_no text CHECK (char_length(ticket_no) BETWEEN 1 AND 32);
ALTER TABLE train_orders ADD COLUMN ticket_seat text CHECK (char_length(ticket_seat) BETWEEN 1 AND 128);
ALTER TABLE train_orders ADD COLUMN ticket_price bigint CHECK (ticket_price > 0 AND ticket_price <= order_amount);
ALTER TABLE train_orders ADD COLUMN audit_note text NOT NULL DEFAULT '' CHECK (char_length(audit_note) <= 200);
ALTER TABLE train_orders ADD CONSTRAINT train_orders_grab_recorded CHECK ((merchant_id IS NULL) = (grabbed_at IS NULL));
CREATE INDEX train_orders_of_merchant ON train_orders (merchant_id, id DESC) WHERE merchant_id IS NOT NULL;
CREATE INDEX train_orders_booking ON train_orders (grabbed_at) WHERE status = 'robing';
