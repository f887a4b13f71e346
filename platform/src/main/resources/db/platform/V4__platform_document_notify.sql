-- Every instance of a service keeps its materialised reads in memory (platform DocumentCache). A row
-- of a document table that changes tells them all, whoever wrote it (a request, a consumer, a bulk
-- statement, an operator's SQL): the trigger below sends the changed row's region on the channel
-- jixiao_documents, delivered at commit. The region is '<table>:<fiscal_year>:<department_id>', or
-- '<table>:<fiscal_year>' when the trigger is created with the argument 'year' (tables read as lists).
-- A TRUNCATE (a read model rebuilt) sends the table name alone: every instance drops all it holds.
-- NOTIFY folds identical payloads of one transaction into one.
create or replace function jixiao_document_changed() returns trigger
language plpgsql as $$
declare
    changed record;
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('jixiao_documents', tg_table_name);
        return null;
    end if;
    if tg_op = 'DELETE' then
        changed := old;
    else
        changed := new;
    end if;
    if tg_nargs > 0 and tg_argv[0] = 'year' then
        perform pg_notify('jixiao_documents', tg_table_name || ':' || changed.fiscal_year);
    else
        perform pg_notify('jixiao_documents', tg_table_name || ':' || changed.fiscal_year || ':' || changed.department_id);
    end if;
    return null;
end
$$;
