-- Bounces recorded before V11's outage guard (or while bounce processing was off) kept processed = FALSE, which
-- now means "held back by the guard": they would be replayed at the member's next bounce. Only bounces the guard
-- really held (a BOUNCE_HELD line in the audit) stay unprocessed.
UPDATE bounce_event b SET b.processed = TRUE
 WHERE b.processed = FALSE
   AND NOT EXISTS (SELECT 1 FROM membership_event e
                    WHERE e.list_id = b.list_id AND e.address = b.address AND e.event = 'BOUNCE_HELD');

-- The held bounces of one member are looked up at each of their bounces.
CREATE INDEX ix_bounce_held ON bounce_event (list_id, address, processed);

-- A list's sync history is read newest first; the daily clean-up deletes by age.
CREATE INDEX ix_sync_run_recent ON sync_run (list_id, id);
CREATE INDEX ix_sync_run_ran ON sync_run (ran_at);
