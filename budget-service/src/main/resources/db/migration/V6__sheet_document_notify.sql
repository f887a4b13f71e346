-- Cached sheets of every instance are dropped when their row changes (platform V0_4).
create trigger sheet_document_changed after insert or update or delete on sheet_document
    for each row execute function jixiao_document_changed();
create trigger sheet_document_truncated after truncate on sheet_document
    for each statement execute function jixiao_document_changed();
