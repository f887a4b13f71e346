-- Cached pages of the district summary of every instance are dropped when a row of their year changes
-- (platform V0_4): the pages are lists, so the region is the whole year.
create trigger summary_row_changed after insert or update or delete on summary_row
    for each row execute function jixiao_document_changed('year');
create trigger summary_row_truncated after truncate on summary_row
    for each statement execute function jixiao_document_changed();
