-- What the engine's session remembers that the incidents cannot give back (facts of
-- @keptOnReload types, such as threat-level's record of past alerts), one row per field:
-- a restarted engine, or another node's, starts from it (docs/architecture.md, "One truth").
CREATE TABLE engine_memory (
    fact_no     INTEGER       NOT NULL,
    fact_type   VARCHAR(300)  NOT NULL,
    field_name  VARCHAR(200)  NOT NULL,
    field_type  VARCHAR(100)  NOT NULL,
    field_value VARCHAR(4000),
    PRIMARY KEY (fact_no, field_name)
);
