-- Issue 17, item 3: a subscription may deliver to a webhook, Slack or Teams instead of email.
-- channel: how the row travels (EMAIL for every row before this version); body_json: the
-- request body posted for the other channels (their URL and secret stay in subscriptions.yml,
-- read when the row is sent, so a rotated secret signs the next attempt).
ALTER TABLE outbox ADD COLUMN channel VARCHAR(20) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE outbox ADD COLUMN body_json VARCHAR(1000000);
