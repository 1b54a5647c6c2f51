-- Finishing the list engine (issue #5).
-- Mailman's respond_to_post_requests: whether a poster whose message is held is told it awaits approval
-- (on by default), and the per-sender daily count of such automatic answers (Mailman's autoresponse
-- records), so a sender is told at most quire.lists.max-autoresponses-per-day times a day per list.
ALTER TABLE mailing_list
    ADD COLUMN respond_to_post_requests BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE autoresponse (
    list_id  BIGINT       NOT NULL,
    address  VARCHAR(254) NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    day      DATE         NOT NULL,
    sent     INT          NOT NULL,
    PRIMARY KEY (list_id, address, kind, day),
    CONSTRAINT fk_autoresponse_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
