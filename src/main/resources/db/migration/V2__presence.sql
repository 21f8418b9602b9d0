CREATE TABLE presence (
  group_id      BIGINT NOT NULL REFERENCES groups (id),
  user_id       BIGINT NOT NULL REFERENCES users (id),
  connection_id TEXT NOT NULL,
  node_id       TEXT NOT NULL,
  since         TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, connection_id)
);
CREATE INDEX presence_user ON presence (group_id, user_id);
CREATE INDEX presence_node ON presence (node_id);

CREATE TABLE nodes (
  node_id      TEXT PRIMARY KEY,
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX group_events_actor ON group_events (group_id, actor_id, seq) WHERE kind = 'message';
