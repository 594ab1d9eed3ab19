-- Mail that always arrives (issue 14): a claim names the process that holds it, so a restart
-- returns the claims of a dead process at once instead of after an expiry; an administrator's
-- resend or cancel is recorded on the message. Portable between H2 and PostgreSQL.

ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE outbox ADD COLUMN admin_action VARCHAR(20);
ALTER TABLE outbox ADD COLUMN admin_action_by VARCHAR(200);
ALTER TABLE outbox ADD COLUMN admin_action_at TIMESTAMP WITH TIME ZONE;

-- One row per running sender: a claim is held while its sender keeps seen_at fresh.
CREATE TABLE outbox_sender (
    instance_id VARCHAR(200) PRIMARY KEY,
    host        VARCHAR(200) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Sending moved off the Quartz workers onto the sender's own thread: the old dispatch job goes.
DELETE FROM QRTZ_FIRED_TRIGGERS WHERE JOB_NAME = 'outbox-dispatch' AND JOB_GROUP = 'mail';
DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME = 'outbox-dispatch' AND TRIGGER_GROUP = 'mail';
DELETE FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'outbox-dispatch' AND JOB_GROUP = 'mail';
DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'outbox-dispatch' AND JOB_GROUP = 'mail';
