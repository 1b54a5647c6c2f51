-- The public pages and archives on the web (issue 6).

-- Whether a list appears on the public list index and has a public list page (Mailman's "advertised").
ALTER TABLE mailing_list
    ADD COLUMN advertised BOOLEAN NOT NULL DEFAULT TRUE;

-- Archive pages by month read a list's posts by the date they were sent (else archived): covering, so that
-- counting the posts of each month reads no table rows.
CREATE INDEX ix_archived_dates ON archived_message (list_id, sent_at, archived_at);

-- Rate limits of the public subscribe and unsubscribe forms: one fixed window per client address and per
-- email address, shared by every node. The key is the SHA-256 of "ip:<address>" or "email:<address>", so
-- the table holds no address in clear.
CREATE TABLE web_rate_limit (
    bucket        BINARY(32)   NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP(6) NOT NULL,
    hits          INT          NOT NULL
) ENGINE = InnoDB;

CREATE INDEX ix_web_rate_limit_window ON web_rate_limit (window_start);
