-- The list owner's tools (issue 6): the members page pages and searches a list's roster in SQL, and CSV
-- imports run as server-side jobs whose progress a page shows.

-- One list's roster in one role, by address: the members page's order, its count and its search read only
-- this index (display_name is in it so that a name search needs no table rows).
CREATE INDEX ix_member_roster ON member (list_id, role, address, display_name);

-- A CSV import: parsed and previewed, then applied by a background job in batches after the owner confirms.
-- to_add holds "address TAB name" lines, to_remove one address per line ("replace" mode only), invalid
-- "line number TAB reason TAB text" lines for the preview.
CREATE TABLE roster_import (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id       BIGINT        NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    mode          VARCHAR(16)   NOT NULL,
    invite        BOOLEAN       NOT NULL DEFAULT FALSE,
    welcome       BOOLEAN       NOT NULL DEFAULT FALSE,
    status        VARCHAR(16)   NOT NULL,
    to_add        MEDIUMTEXT    NOT NULL,
    to_remove     MEDIUMTEXT    NOT NULL,
    invalid       MEDIUMTEXT    NOT NULL,
    add_count     INT           NOT NULL,
    remove_count  INT           NOT NULL,
    already_count INT           NOT NULL,
    invalid_count INT           NOT NULL,
    done_count    INT           NOT NULL DEFAULT 0,
    result        VARCHAR(1000) NULL,
    created_at    TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    finished_at   TIMESTAMP(6)  NULL,
    CONSTRAINT ck_roster_import_mode CHECK (mode IN ('ADD', 'REPLACE')),
    CONSTRAINT ck_roster_import_status CHECK (status IN ('PREVIEW', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT fk_roster_import_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
