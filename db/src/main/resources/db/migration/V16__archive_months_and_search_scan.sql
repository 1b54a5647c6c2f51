-- Archive speed at a million posts (issue 6, ADR 0052).

-- The number of posts of each list per month (UTC) of the date they were sent, else archived: the archive's
-- front page reads this instead of counting the list's posts. The archiver adds to it in the transaction
-- that stores the posts (Archiver, ArchiveBatch); deleting a list deletes its rows.
CREATE TABLE archive_month (
    list_id  BIGINT   NOT NULL,
    year     SMALLINT NOT NULL,
    month    TINYINT  NOT NULL,
    posts    BIGINT   NOT NULL,
    PRIMARY KEY (list_id, year, month),
    CONSTRAINT fk_archive_month_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Back-fill from the posts already archived. The month is the UTC one whatever the session's time zone:
-- UNIX_TIMESTAMP reads the TIMESTAMP as an instant, and adding seconds to the epoch does no zone arithmetic.
INSERT INTO archive_month (list_id, year, month, posts)
SELECT list_id, YEAR(d), MONTH(d), COUNT(*)
FROM (SELECT list_id, TIMESTAMPADD(SECOND, UNIX_TIMESTAMP(COALESCE(sent_at, archived_at)), '1970-01-01') AS d
      FROM archived_message) a
GROUP BY list_id, YEAR(d), MONTH(d);

-- Search reads a list's newest posts first (ArchiveIndexRepository.scan): a backwards range over this index
-- stops as soon as a page of matches is found.
CREATE INDEX ix_archived_list_id ON archived_message (list_id, id);
