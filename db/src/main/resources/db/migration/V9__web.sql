-- The web side: site users get an email address (their list roles are the member rows with role OWNER
-- or MODERATOR for that address), API tokens, password resets, and the login throttle.
-- Secrets (tokens) are stored only as SHA-256 hashes: they are long random strings, so a fast hash is
-- enough and a database leak does not hand out working tokens.

ALTER TABLE site_user
    ADD COLUMN email                VARCHAR(254) NULL,
    ADD COLUMN enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN password_changed_at  TIMESTAMP(6) NULL,
    ADD COLUMN last_login_at        TIMESTAMP(6) NULL,
    ADD CONSTRAINT uq_site_user_email UNIQUE (email);

-- Bearer tokens for the REST API, one user each; the token itself is shown once, at creation.
CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_user_id  BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expires_at    TIMESTAMP(6) NULL,
    last_used_at  TIMESTAMP(6) NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (site_user_id) REFERENCES site_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A password reset link: expires, works once.
CREATE TABLE password_reset (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_user_id  BIGINT       NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expires_at    TIMESTAMP(6) NOT NULL,
    used_at       TIMESTAMP(6) NULL,
    CONSTRAINT uq_password_reset_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_user FOREIGN KEY (site_user_id) REFERENCES site_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed logins per subject ("user:NAME" or "ip:ADDRESS"), shared by every node of a cluster.
CREATE TABLE login_throttle (
    subject          VARCHAR(300) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL DEFAULT 0,
    last_failure_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    locked_until     TIMESTAMP(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- "Which lists does this address own or moderate?" is asked on every web and API request.
CREATE INDEX ix_member_address_role ON member (address, role);
