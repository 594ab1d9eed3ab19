-- The identity's unique index now leads with event_id, so it also serves the lookups by
-- event_id alone (a batch's stored versions, a digest's evidence), and the separate
-- event_id index goes: one index fewer to update on every insert. Portable SQL.
ALTER TABLE incident DROP CONSTRAINT incident_identity;
DROP INDEX incident_event_id;
ALTER TABLE incident ADD CONSTRAINT incident_identity UNIQUE (event_id, source);
