-- A settled payment is handed over to the business it pays (a recharge credits the wallet) after the
-- payment's own transaction: handed_over_at records it. The rows without it are the outbox a sweeper
-- works through; the hand-over is idempotent (the trade number keys the wallet credit), so a retry
-- after a crash never credits twice.
ALTER TABLE trade_payments ADD COLUMN handed_over_at timestamptz;
CREATE INDEX trade_payments_to_hand_over ON trade_payments (id)
    WHERE disposition = 'settled' AND handed_over_at IS NULL;
