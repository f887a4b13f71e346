-- The COPY of an import paid, per 支出明细 line, for more than the row itself (measured on 100,000
-- lines, docs/benchmarks.md): the foreign key to project (a trigger lookup per line), a primary key
-- index on id alone that no query uses, and a partial index on project_id that only the key's
-- cascade used. Together they tripled the COPY.
-- - Lines are written by the import only, which resolves project names to ids under the
--   department-year's filing lock; a project's delete takes the same lock and removes its lines
--   itself (FiguresService.deleteProject), so the key and its cascade are no longer needed.
-- - Every read is "the lines of one department-year in id order": that index becomes the primary key.
-- - Ids come from a cached sequence; one import's COPY runs in one session, so its lines stay in
--   file order.
alter table spending_line drop constraint spending_line_project_id_fkey;
drop index spending_line_project;
alter table spending_line drop constraint spending_line_pkey;
drop index spending_line_department_year;
alter table spending_line add constraint spending_line_pkey primary key (department_id, fiscal_year, id);
alter table spending_line alter column id set cache 1000;
