-- The canonical groups among actor1's associated actors, so that ISKP acting alongside
-- another actor counts as a perpetrator (docs/indicators.md, "Actor roles"). Rows stored
-- before this get it when next imported (their content hash then differs).
ALTER TABLE incident ADD COLUMN assoc_actor1_groups VARCHAR(500);
