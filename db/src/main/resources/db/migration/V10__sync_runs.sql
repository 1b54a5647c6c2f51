-- Issue #7: one row per roster per membership sync (and per dry run), so owners see their list's sync history
-- and the diff of each run (web admin and REST), not only the job's combined run record.
CREATE TABLE sync_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id         BIGINT        NOT NULL,
    role            VARCHAR(16)   NOT NULL DEFAULT 'MEMBER',
    dry_run         BOOLEAN       NOT NULL DEFAULT FALSE,
    ran_at          TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    added           INT           NOT NULL,
    removed         INT           NOT NULL,
    invalid         INT           NOT NULL,
    failed_sources  INT           NOT NULL,
    held_removals   INT           NOT NULL,
    hold_id         BIGINT        NULL,
    diff            MEDIUMTEXT    NOT NULL,
    INDEX ix_sync_run_list (list_id, role, ran_at),
    CONSTRAINT fk_sync_run_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE=InnoDB;
