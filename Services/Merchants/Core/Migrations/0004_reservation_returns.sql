-- Part of a sold reservation can come back (an order refunds some of its units): returned counts the
-- units given back so far; the reservation becomes refunded when all of them are.
ALTER TABLE reservations ADD COLUMN returned integer NOT NULL DEFAULT 0;
ALTER TABLE reservations ADD CONSTRAINT reservations_returned_range CHECK (returned BETWEEN 0 AND quantity);
ALTER TABLE reservations ADD CONSTRAINT reservations_returned_when_sold
    CHECK (returned = 0 OR state IN ('committed', 'refunded'));
