-- The posting chain and the moderation queue: the suspicious-header patterns of a list (Mailman's
-- bounce_matching_headers, one "header: regex" per line), when its moderators were last reminded of
-- held posts (once a day per list), and an index to find posts held longer than a day.
ALTER TABLE mailing_list
    ADD COLUMN suspicious_headers      TEXT          NULL,
    ADD COLUMN moderators_reminded_at  TIMESTAMP(6)  NULL;

CREATE INDEX ix_held_message_age ON held_message (list_id, held_at);
