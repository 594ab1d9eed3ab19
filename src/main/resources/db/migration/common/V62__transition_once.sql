-- A transition is written once (docs/architecture.md, "One engine for the cluster"): each
-- change of an alert moves its version by one, only from the version the writer read, and a
-- transition names the version it made. Two engines that overlap for a moment during a
-- failover and judge the same change write it once: the second finds the version moved.
ALTER TABLE alert ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE alert_transition ADD COLUMN alert_version BIGINT;
UPDATE alert_transition SET alert_version = (SELECT COUNT(*) FROM alert_transition earlier
    WHERE earlier.alert_id = alert_transition.alert_id AND earlier.id <= alert_transition.id);
UPDATE alert SET version = (SELECT COUNT(*) FROM alert_transition WHERE alert_transition.alert_id = alert.id);
ALTER TABLE alert_transition ALTER COLUMN alert_version SET NOT NULL;
CREATE UNIQUE INDEX alert_transition_once ON alert_transition (alert_id, alert_version);
