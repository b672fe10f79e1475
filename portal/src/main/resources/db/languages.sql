-- The language each signed-in person last chose, so that it follows them to every device.
-- Keyed by the subject of their Keycloak account; the portal keeps nothing else about them.
CREATE TABLE IF NOT EXISTS portal_language (
    subject    text        PRIMARY KEY,
    language   text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
