-- When a running roster import last made progress: one that has not moved for a while (its node stopped) can be
-- resumed by its owner instead of staying "running" for ever.
ALTER TABLE roster_import ADD COLUMN progress_at TIMESTAMP(6) NULL AFTER done_count;
UPDATE roster_import SET progress_at = COALESCE(finished_at, created_at) WHERE status <> 'PREVIEW';
