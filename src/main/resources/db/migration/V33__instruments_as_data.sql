-- Which instruments exist is data now (instruments/instruments.json), checked by the server before a row is written;
-- the list in the table's check would need a migration for every new questionnaire.
ALTER TABLE measures DROP CONSTRAINT measures_instrument_check;
-- Follow-up answers stored with a questionnaire and never added to its total (PHQ-9 difficulty, C-SSRS q6Recent).
ALTER TABLE measures ADD COLUMN extras JSONB NOT NULL DEFAULT '{}';
CREATE INDEX measures_user ON measures (user_id);
