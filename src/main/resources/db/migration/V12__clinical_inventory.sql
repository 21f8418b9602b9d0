-- The interpersonal inventory: each member's important relationships, by a label the member chooses.
-- A relationship keeps its id while it is edited, so report-card ratings stay attached to it; removing it from the
-- inventory sets removed_at and keeps its history. initial_* are the ratings it was first entered with.
CREATE TABLE inventory_relationships (
  id                   BIGSERIAL PRIMARY KEY,
  group_id             BIGINT NOT NULL REFERENCES groups (id),
  user_id              BIGINT NOT NULL REFERENCES users (id),
  position             INT NOT NULL,
  label                TEXT NOT NULL,
  kind                 TEXT NOT NULL,
  closeness            INT NOT NULL CHECK (closeness BETWEEN 1 AND 5),
  satisfaction         INT NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  initial_closeness    INT NOT NULL CHECK (initial_closeness BETWEEN 1 AND 5),
  initial_satisfaction INT NOT NULL CHECK (initial_satisfaction BETWEEN 1 AND 5),
  area                 TEXT CHECK (area IN ('grief', 'role_dispute', 'role_transition', 'interpersonal_deficits')),
  works                TEXT,
  not_works            TEXT,
  notes                TEXT,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by           BIGINT NOT NULL REFERENCES users (id),
  removed_at           TIMESTAMPTZ
);
CREATE INDEX inventory_member ON inventory_relationships (group_id, user_id, position);

-- Relationship report cards: at a chosen session the member rates inventory relationships again.
CREATE TABLE report_cards (
  id         BIGSERIAL PRIMARY KEY,
  group_id   BIGINT NOT NULL REFERENCES groups (id),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  session    INT NOT NULL CHECK (session >= 0),
  entered_by BIGINT NOT NULL REFERENCES users (id),
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_cards_session ON report_cards (group_id, user_id, session);

CREATE TABLE report_card_ratings (
  card_id         BIGINT NOT NULL REFERENCES report_cards (id),
  relationship_id BIGINT NOT NULL REFERENCES inventory_relationships (id),
  closeness       INT NOT NULL CHECK (closeness BETWEEN 1 AND 5),
  satisfaction    INT NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  PRIMARY KEY (card_id, relationship_id)
);
