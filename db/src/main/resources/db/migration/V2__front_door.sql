-- The MTA's front door: accounts for SMTP AUTH, and the routing tables an admin may keep in the
-- database instead of (or besides) the text files under the config directory.

CREATE TABLE smtp_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_login_at  TIMESTAMP(6) NULL,
    CONSTRAINT uq_smtp_user UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One alias per row; targets in aliases(5) syntax, exactly as in an alias file.
CREATE TABLE alias (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain_id   BIGINT       NOT NULL,
    local_part  VARCHAR(64)  NOT NULL,
    targets     TEXT         NOT NULL,
    CONSTRAINT uq_alias UNIQUE (domain_id, local_part),
    CONSTRAINT fk_alias_domain FOREIGN KEY (domain_id) REFERENCES domain (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Domains accepted in order to forward them elsewhere (Postfix's relay_domains).
CREATE TABLE relay_domain (
    id    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name  VARCHAR(253) NOT NULL,
    CONSTRAINT uq_relay_domain UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Client networks allowed to relay (Postfix's mynetworks), CIDR form.
CREATE TABLE relay_network (
    id       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network  VARCHAR(64) NOT NULL,
    CONSTRAINT uq_relay_network UNIQUE (network)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
