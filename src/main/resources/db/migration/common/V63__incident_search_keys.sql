-- The incident search compares country and province without regard to case. LOWER(column)
-- in a condition is served by no index, so each search read the whole table. The writer now
-- stores the lower-cased values beside the originals (a column set by the writer: H2 and
-- PostgreSQL differ in generated columns), and this backfills the rows stored before.
ALTER TABLE incident ADD COLUMN country_key VARCHAR(200);
ALTER TABLE incident ADD COLUMN admin1_key VARCHAR(200);
UPDATE incident SET country_key = LOWER(country), admin1_key = LOWER(admin1);
-- Country then id: a country's incidents of a period are one range of this index, in id
-- (event date) order. The province is checked on the rows of that range: one index more
-- per stored row is what an import pays, so there is no second one.
CREATE INDEX incident_country_key ON incident (country_key, id);
