-- Issue 15. An incident's Admiralty grade is built at ingest from config/sources.yml and
-- stored with its reasons in words (docs/grading.md); rows stored before keep their grade.
ALTER TABLE incident ADD COLUMN grade_reason VARCHAR(2000);

-- Where an alert's severity rests on a count other than its own evidence (cross-border-fire
-- is CRITICAL for fire into two countries, each country's alert citing one incident), the
-- incidents behind that count and a sentence saying it, kept with the alert and each
-- transition so that the page and the digest can say why.
ALTER TABLE alert ADD COLUMN severity_evidence VARCHAR(1000000);
ALTER TABLE alert ADD COLUMN severity_reason VARCHAR(2000);
ALTER TABLE alert_transition ADD COLUMN severity_evidence VARCHAR(1000000);
ALTER TABLE alert_transition ADD COLUMN severity_reason VARCHAR(2000);
