-- Quire foundation schema: domains, local mailboxes, lists, members, held posts, site users.
-- Text columns use a case-insensitive collation: mail domains and (by Mailman's convention) list
-- member addresses compare without regard to case.

CREATE TABLE domain (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(253) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_domain_name UNIQUE (name),
    CONSTRAINT ck_domain_kind CHECK (kind IN ('LOCAL', 'LIST'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mailbox (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain_id   BIGINT       NOT NULL,
    local_part  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_mailbox UNIQUE (domain_id, local_part),
    CONSTRAINT fk_mailbox_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mailing_list (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain_id       BIGINT       NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    subject_prefix  VARCHAR(64)  NOT NULL,
    description     TEXT         NULL,
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_list UNIQUE (domain_id, name),
    CONSTRAINT fk_list_domain FOREIGN KEY (domain_id) REFERENCES domain (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id           BIGINT       NOT NULL,
    address           VARCHAR(254) NOT NULL,
    display_name      VARCHAR(200) NULL,
    role              VARCHAR(16)  NOT NULL,
    delivery_enabled  BOOLEAN      NOT NULL DEFAULT TRUE,
    subscribed_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_member UNIQUE (list_id, address, role),
    CONSTRAINT ck_member_role CHECK (role IN ('MEMBER', 'OWNER', 'MODERATOR')),
    CONSTRAINT fk_member_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE held_message (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id      BIGINT        NOT NULL,
    sender       VARCHAR(254)  NULL,
    message_id   VARCHAR(998)  NULL,
    subject      VARCHAR(998)  NULL,
    reasons      TEXT          NOT NULL,
    raw          LONGBLOB      NOT NULL,
    held_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_held_list FOREIGN KEY (list_id) REFERENCES mailing_list (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE site_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    site_admin     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_site_user UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
