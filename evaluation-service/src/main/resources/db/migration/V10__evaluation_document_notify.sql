-- Cached score cards of every instance are dropped when their row changes (platform V0_4).
create trigger evaluation_document_changed after insert or update or delete on evaluation_document
    for each row execute function jixiao_document_changed();
create trigger evaluation_document_truncated after truncate on evaluation_document
    for each statement execute function jixiao_document_changed();
