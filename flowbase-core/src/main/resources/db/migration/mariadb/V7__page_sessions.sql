-- =====================================================================================
-- Flowbase core schema, version 7 -- MariaDB 10.6+: the admin page's sessions (issue 29)
-- =====================================================================================
-- Without REDIS_URL the admin page keeps its sign-ins here, so that servers sharing one
-- database share them and a restart keeps them. A row is one signed-in browser:
--   id_hash     the SHA-256 (hex) of the session id; the id itself (the cookie) is never stored
--   api_key_id  the key the session was opened with: revoking or deleting it ends its sessions
--   data        the session as JSON (its principal, CSRF token, when its key was last checked)
--   expires_at  the end of its idle time, pushed back at most once a minute while it is used
-- Expired rows are deleted when a session is opened. U7__page_sessions.sql undoes this file.
-- =====================================================================================

CREATE TABLE page_sessions (
    id_hash    VARCHAR(64) NOT NULL,
    api_key_id UUID        NOT NULL,
    data       MEDIUMTEXT  NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_page_sessions PRIMARY KEY (id_hash),
    KEY idx_page_sessions_api_key_id (api_key_id),
    KEY idx_page_sessions_expires_at (expires_at),
    CONSTRAINT fk_page_sessions_api_key FOREIGN KEY (api_key_id)
        REFERENCES api_keys (id) ON DELETE CASCADE,
    CONSTRAINT ck_page_sessions_id_hash CHECK (id_hash <> ''),
    CONSTRAINT ck_page_sessions_data    CHECK (data <> '')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
