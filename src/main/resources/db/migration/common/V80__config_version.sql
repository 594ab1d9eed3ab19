-- Shared configuration (docs/architecture.md, decision 13): every version of the
-- administrators' files (thresholds, subscriptions, users) put in force on any node. The
-- highest version of a file is the one in force on every node; the files in config/ mirror it.
-- The primary key is the optimistic check: two nodes that both build on version N cannot both
-- write N + 1. Portable between H2 and PostgreSQL.

CREATE TABLE config_version (
    name        VARCHAR(40)   NOT NULL,
    version     BIGINT        NOT NULL,
    content     VARCHAR(1000000) NOT NULL,
    updated_by  VARCHAR(200)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, version),
    -- No check of name IN (...): H2 2.4 then refuses every row once the session that created
    -- the table has closed ("Check constraint invalid"). The service writes three names only.
    CONSTRAINT config_version_positive CHECK (version > 0)
);
