-- =====================================================================================
-- Flowbase core schema, version 7 -- PostgreSQL 14+: the admin page's sessions (issue 29)
-- =====================================================================================
-- Without REDIS_URL the admin page keeps its sign-ins here, so that servers sharing one
-- database share them and a restart keeps them. A row is one signed-in browser:
--   id_hash     the SHA-256 (hex) of the session id; the id itself (the cookie) is never stored
--   api_key_id  the key the session was opened with: revoking or deleting it ends its sessions
--   data        the session as JSON (its principal, CSRF token, when its key was last checked)
--   expires_at  the end of its idle time, pushed back at most once a minute while it is used
-- Expired rows are deleted when a session is opened. No organization column: a session is
-- found by its id only, as Flowbase's own installation-wide work, so no row-level policy.
-- U7__page_sessions.sql undoes this file.
-- =====================================================================================

CREATE TABLE page_sessions (
    id_hash    varchar(64) NOT NULL,
    api_key_id uuid        NOT NULL,
    data       text        NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_page_sessions         PRIMARY KEY (id_hash),
    CONSTRAINT fk_page_sessions_api_key FOREIGN KEY (api_key_id)
        REFERENCES api_keys (id) ON DELETE CASCADE,
    CONSTRAINT ck_page_sessions_id_hash CHECK (id_hash <> ''),
    CONSTRAINT ck_page_sessions_data    CHECK (data <> '')
);

CREATE INDEX idx_page_sessions_api_key_id ON page_sessions (api_key_id);
CREATE INDEX idx_page_sessions_expires_at ON page_sessions (expires_at);
