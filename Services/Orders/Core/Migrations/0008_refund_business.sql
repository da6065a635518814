-- What a refund takes back from the business before the money leaves (a recharge's balance is debited
-- first, under the refund's number) and gives back when the provider could not make the refund.
ALTER TABLE refunds ADD COLUMN business_taken_at timestamptz;
ALTER TABLE refunds ADD COLUMN business_restored_at timestamptz;
ALTER TABLE refunds ADD COLUMN failure text CHECK (char_length(failure) <= 200);
CREATE INDEX refunds_to_restore ON refunds (id)
    WHERE state = 'failed' AND business_taken_at IS NOT NULL AND business_restored_at IS NULL;
