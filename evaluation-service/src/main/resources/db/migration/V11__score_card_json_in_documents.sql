-- The score card's JSON lives in evaluation_document (one body per language, written by every rescoring);
-- score_card keeps the columns the district reads (total, grade, template). Writing the card a second and
-- third time (card, card_en) cost every rescoring about 47 KB of JSON. Rows scored before documents
-- existed keep their card, which reads fall back to; the others are cleared.
alter table score_card alter column card drop not null;
update score_card s set card = null, card_en = null
where exists (select 1 from evaluation_document d
              where d.department_id = s.department_id and d.fiscal_year = s.fiscal_year);
