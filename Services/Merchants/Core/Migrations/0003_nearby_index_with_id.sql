-- The nearby search counts and orders every listed merchant in the circle; with `id` in the GiST
-- index next to `geo`, that reads the index alone (an index-only scan where the visibility map is
-- current), and the table is read only for the page it shows (bench/merchants.sh, bench/RESULTS.md).
CREATE INDEX merchants_listed_geo_id ON merchants USING gist (geo) INCLUDE (id)
    WHERE approval = 'approved' AND status = 1;
DROP INDEX merchants_listed_geo;
