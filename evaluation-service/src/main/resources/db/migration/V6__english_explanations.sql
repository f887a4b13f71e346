-- The score card and indicator explanations also in English (Accept-Language: en). Null on rows scored
-- before this version: they are read in Chinese until the department-year is rescored.
alter table score_card add column card_en text;
alter table indicator_value add column explanation_en text;
