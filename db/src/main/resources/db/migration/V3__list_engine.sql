-- The list engine: every list setting (Mailman's meanings), member options, the posting chain's
-- tables (bans, header matches, seen Message-IDs), persisted workflows with tokens, archives, bounce
-- events, pending digests, and an audit of membership changes.

-- Posting. Actions are ACCEPT, HOLD, REJECT, DISCARD, or DEFER (let the chain go on).
ALTER TABLE mailing_list
    ADD COLUMN style                          VARCHAR(16)   NOT NULL DEFAULT 'DISCUSSION',
    ADD COLUMN emergency                      BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN moderator_password_hash        VARCHAR(255)  NULL,
    ADD COLUMN default_member_action          VARCHAR(16)   NOT NULL DEFAULT 'DEFER',
    ADD COLUMN default_nonmember_action       VARCHAR(16)   NOT NULL DEFAULT 'HOLD',
    ADD COLUMN require_explicit_destination   BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN acceptable_aliases             TEXT          NULL,
    ADD COLUMN administrivia                  BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN max_recipients                 INT           NOT NULL DEFAULT 10,
    ADD COLUMN max_message_size_kb            INT           NOT NULL DEFAULT 40,
    ADD COLUMN admin_immed_notify             BOOLEAN       NOT NULL DEFAULT TRUE,
    -- Pipeline: content filtering, decoration, Reply-To, DMARC, personalization.
    ADD COLUMN filter_content                 BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN filter_types                   TEXT          NULL,
    ADD COLUMN pass_types                     TEXT          NULL,
    ADD COLUMN filter_extensions              TEXT          NULL,
    ADD COLUMN pass_extensions                TEXT          NULL,
    ADD COLUMN collapse_alternatives          BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN convert_html_to_plaintext      BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN header_template                TEXT          NULL,
    ADD COLUMN footer_template                TEXT          NULL,
    ADD COLUMN reply_to_policy                VARCHAR(16)   NOT NULL DEFAULT 'NONE',
    ADD COLUMN reply_to_address               VARCHAR(254)  NULL,
    ADD COLUMN first_strip_reply_to           BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN dmarc_mitigation               VARCHAR(16)   NOT NULL DEFAULT 'MUNGE_FROM',
    ADD COLUMN dmarc_mitigate_always          BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN personalize                    BOOLEAN       NOT NULL DEFAULT FALSE,
    -- Subscriptions. Policies: OPEN, CONFIRM, MODERATE, CONFIRM_THEN_MODERATE.
    ADD COLUMN subscription_policy            VARCHAR(24)   NOT NULL DEFAULT 'CONFIRM',
    ADD COLUMN unsubscription_policy          VARCHAR(24)   NOT NULL DEFAULT 'CONFIRM',
    ADD COLUMN roster_visibility              VARCHAR(16)   NOT NULL DEFAULT 'MODERATORS',
    ADD COLUMN send_welcome                   BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN welcome_template               TEXT          NULL,
    ADD COLUMN send_goodbye                   BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN goodbye_template               TEXT          NULL,
    -- Archives: PUBLIC, PRIVATE, NONE.
    ADD COLUMN archive_policy                 VARCHAR(16)   NOT NULL DEFAULT 'PUBLIC',
    -- Digests: size threshold and period (DAILY, WEEKLY, MONTHLY), volume and issue numbers.
    ADD COLUMN digests_enabled                BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN digest_size_threshold_kb       INT           NOT NULL DEFAULT 30,
    ADD COLUMN digest_period                  VARCHAR(16)   NOT NULL DEFAULT 'DAILY',
    ADD COLUMN digest_volume                  INT           NOT NULL DEFAULT 1,
    ADD COLUMN digest_issue                   INT           NOT NULL DEFAULT 1,
    ADD COLUMN digest_last_sent_at            TIMESTAMP(6)  NULL,
    -- Bounce processing (Mailman's defaults).
    ADD COLUMN bounce_processing              BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN bounce_score_threshold         DECIMAL(6, 2) NOT NULL DEFAULT 5.00,
    ADD COLUMN bounce_info_stale_after_days   INT           NOT NULL DEFAULT 7,
    ADD COLUMN bounce_warnings                INT           NOT NULL DEFAULT 3,
    ADD COLUMN bounce_warning_interval_days   INT           NOT NULL DEFAULT 7,
    ADD COLUMN bounce_notify_owner            BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD CONSTRAINT ck_list_style CHECK (style IN ('DISCUSSION', 'ANNOUNCE', 'PRIVATE')),
    ADD CONSTRAINT ck_list_member_action
        CHECK (default_member_action IN ('ACCEPT', 'HOLD', 'REJECT', 'DISCARD', 'DEFER')),
    ADD CONSTRAINT ck_list_nonmember_action
        CHECK (default_nonmember_action IN ('ACCEPT', 'HOLD', 'REJECT', 'DISCARD', 'DEFER')),
    ADD CONSTRAINT ck_list_reply_to CHECK (reply_to_policy IN ('NONE', 'LIST', 'EXPLICIT')),
    ADD CONSTRAINT ck_list_dmarc CHECK (dmarc_mitigation IN ('NONE', 'MUNGE_FROM', 'WRAP')),
    ADD CONSTRAINT ck_list_sub_policy
        CHECK (subscription_policy IN ('OPEN', 'CONFIRM', 'MODERATE', 'CONFIRM_THEN_MODERATE')),
    ADD CONSTRAINT ck_list_unsub_policy
        CHECK (unsubscription_policy IN ('OPEN', 'CONFIRM', 'MODERATE', 'CONFIRM_THEN_MODERATE')),
    ADD CONSTRAINT ck_list_roster CHECK (roster_visibility IN ('PUBLIC', 'MEMBERS', 'MODERATORS')),
    ADD CONSTRAINT ck_list_archive CHECK (archive_policy IN ('PUBLIC', 'PRIVATE', 'NONE')),
    ADD CONSTRAINT ck_list_digest_period CHECK (digest_period IN ('DAILY', 'WEEKLY', 'MONTHLY'));

-- Member options. moderation_action NULL means the list's default_member_action.
ALTER TABLE member
    ADD COLUMN moderation_action        VARCHAR(16)   NULL,
    ADD COLUMN delivery_mode            VARCHAR(16)   NOT NULL DEFAULT 'REGULAR',
    ADD COLUMN acknowledge_posts        BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN receive_own_postings     BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN hide_address             BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN disabled_reason          VARCHAR(16)   NULL,
    ADD COLUMN disabled_at              TIMESTAMP(6)  NULL,
    ADD COLUMN bounce_score             DECIMAL(6, 2) NOT NULL DEFAULT 0,
    ADD COLUMN last_bounce_at           TIMESTAMP(6)  NULL,
    ADD COLUMN bounce_warnings_sent     INT           NOT NULL DEFAULT 0,
    ADD COLUMN last_warning_at          TIMESTAMP(6)  NULL,
    ADD CONSTRAINT ck_member_moderation
        CHECK (moderation_action IS NULL OR moderation_action IN ('ACCEPT', 'HOLD', 'REJECT', 'DISCARD', 'DEFER')),
    ADD CONSTRAINT ck_member_delivery_mode CHECK (delivery_mode IN ('REGULAR', 'MIME_DIGEST', 'PLAIN_DIGEST')),
    ADD CONSTRAINT ck_member_disabled
        CHECK (disabled_reason IS NULL OR disabled_reason IN ('BY_USER', 'BY_BOUNCES', 'BY_MODERATOR'));

CREATE INDEX ix_member_address ON member (address);

-- Moderation notices and reminders.
ALTER TABLE held_message
    ADD COLUMN notified_at   TIMESTAMP(6) NULL,
    ADD COLUMN reminded_at   TIMESTAMP(6) NULL;

-- Banned addresses: exact, or a regular expression when the pattern starts with ^. list_id NULL bans
-- site-wide.
CREATE TABLE ban (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id     BIGINT        NULL,
    pattern     VARCHAR(254)  NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_ban UNIQUE (list_id, pattern),
    CONSTRAINT fk_ban_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Header matches, in the order of position: header name, regular expression, action.
CREATE TABLE header_match (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id   BIGINT        NOT NULL,
    position  INT           NOT NULL,
    header    VARCHAR(100)  NOT NULL,
    pattern   VARCHAR(500)  NOT NULL,
    action    VARCHAR(16)   NOT NULL,
    CONSTRAINT ck_header_match_action CHECK (action IN ('ACCEPT', 'HOLD', 'REJECT', 'DISCARD', 'DEFER')),
    CONSTRAINT fk_header_match_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_header_match_list ON header_match (list_id, position);

-- Message-IDs a list has already distributed, for the loop rule; trimmed by upkeep.
CREATE TABLE seen_message (
    list_id          BIGINT       NOT NULL,
    message_id_hash  BINARY(32)   NOT NULL,
    seen_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (list_id, message_id_hash),
    CONSTRAINT fk_seen_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- A multi-step user flow (subscribe, unsubscribe, a held post's moderation by email) resumed by its
-- token. step names where the flow waits; data holds the flow's own fields as JSON.
CREATE TABLE pending_request (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token         CHAR(40)      NOT NULL,
    list_id       BIGINT        NOT NULL,
    kind          VARCHAR(24)   NOT NULL,
    step          VARCHAR(32)   NOT NULL,
    address       VARCHAR(254)  NOT NULL,
    display_name  VARCHAR(200)  NULL,
    data          TEXT          NULL,
    created_at    TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expires_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_pending_token UNIQUE (token),
    CONSTRAINT fk_pending_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_pending_list ON pending_request (list_id, kind, address);
CREATE INDEX ix_pending_expiry ON pending_request (expires_at);

-- Archived posts: raw form, threading, and the text that full-text search reads.
CREATE TABLE archived_message (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id      BIGINT        NOT NULL,
    message_id   VARCHAR(998)  NOT NULL,
    message_id_hash BINARY(32) NOT NULL,
    in_reply_to  VARCHAR(998)  NULL,
    thread_id    BIGINT        NULL,
    parent_id    BIGINT        NULL,
    sender       VARCHAR(254)  NULL,
    sender_name  VARCHAR(200)  NULL,
    subject      VARCHAR(998)  NULL,
    sent_at      TIMESTAMP(6)  NULL,
    archived_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    body_text    MEDIUMTEXT    NULL,
    raw          LONGBLOB      NOT NULL,
    CONSTRAINT uq_archived_message UNIQUE (list_id, message_id_hash),
    CONSTRAINT fk_archived_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_archived_thread ON archived_message (list_id, thread_id, id);
CREATE INDEX ix_archived_date ON archived_message (list_id, archived_at);
CREATE FULLTEXT INDEX ft_archived_text ON archived_message (subject, body_text);

-- Posts waiting for the next digest of their list.
CREATE TABLE digest_entry (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id   BIGINT        NOT NULL,
    sender    VARCHAR(254)  NULL,
    subject   VARCHAR(998)  NULL,
    size      INT           NOT NULL,
    raw       LONGBLOB      NOT NULL,
    added_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_digest_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_digest_list ON digest_entry (list_id, id);

-- Bounces received for a list's members: how each was recognized and what it said.
CREATE TABLE bounce_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id      BIGINT        NOT NULL,
    address      VARCHAR(254)  NOT NULL,
    received_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    method       VARCHAR(16)   NOT NULL,
    permanent    BOOLEAN       NOT NULL,
    status       VARCHAR(16)   NULL,
    diagnostic   VARCHAR(1000) NULL,
    message_id   VARCHAR(998)  NULL,
    processed    BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT ck_bounce_method CHECK (method IN ('VERP', 'DSN', 'HEURISTIC')),
    CONSTRAINT fk_bounce_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_bounce_list ON bounce_event (list_id, received_at);

-- Every change of a membership and why: subscriptions, removals, bounce steps, option changes.
CREATE TABLE membership_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id      BIGINT        NOT NULL,
    address      VARCHAR(254)  NOT NULL,
    event        VARCHAR(32)   NOT NULL,
    actor        VARCHAR(254)  NULL,
    detail       VARCHAR(1000) NULL,
    at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_membership_event_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_membership_event ON membership_event (list_id, address, at);
