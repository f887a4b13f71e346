-- 四 (problems and causes) and 五 (improvement measures) become lists, so each measure can name the
-- problem it answers: problem_items [{text, cause}], measure_items [{text, problemRef}] (problemRef is the
-- 1-based number of the problem). Existing plain text is split into items and kept word for word; a
-- measure whose problem cannot be told from its text links to nothing (null): the data stays, and the
-- next save asks the department to choose.
alter table narrative
    add column problem_items jsonb not null default '[]'::jsonb,
    add column measure_items jsonb not null default '[]'::jsonb;

-- Items of an old text: every paragraph (blank line between) and every line that starts with a number
-- ("1、", "2.", "（一）", "(3)", "一、") begins an item; the number is dropped because the report numbers
-- the items itself; line breaks inside an item are joined as the report always did.
create function narrative_v5_items(t text) returns table (ord bigint, item text)
language sql immutable as $$
    select p.ord, p.item
      from (select s.ord,
                   regexp_replace(
                       regexp_replace(
                           regexp_replace(s.part, '^[\s　]*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}(?:、|[.．](?![0-9]))|[一二三四五六七八九十]{1,3}、)[\s　]*', ''),
                           '[\s　]*\n[\s　]*', '', 'g'),
                       '^[\s　]+|[\s　]+$', '', 'g') as item
              from regexp_split_to_table(
                       replace(coalesce(t, ''), E'\r\n', E'\n'),
                       '\n[\s　]*\n|\n(?=[ \t　]*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}(?:、|[.．](?![0-9]))|[一二三四五六七八九十]{1,3}、))')
                   with ordinality as s(part, ord)) p
     where p.item <> ''
$$;

-- The problem a measure names in its own words ("针对问题2", "针对问题二", "针对第3个问题"), if it exists;
-- with a single problem every measure answers it; otherwise nothing.
create function narrative_v5_ref(measure text, problems bigint) returns integer
language plpgsql immutable as $$
declare
    m text[];
    n integer;
    numerals constant text := '一二三四五六七八九';
begin
    m := regexp_match(measure, '针对(?:第)?问题[\s　]*[（(]?([0-9]{1,2}|[一二三四五六七八九十]{1,3})|针对第([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:个|项|条)?问题');
    if m is not null then
        declare
            token text := coalesce(m[1], m[2]);
        begin
            if token ~ '^[0-9]+$' then
                n := token::integer;
            elsif token = '十' then
                n := 10;
            elsif length(token) = 1 then
                n := strpos(numerals, token);
            elsif length(token) = 2 and left(token, 1) = '十' then
                n := 10 + strpos(numerals, right(token, 1));
            elsif length(token) = 2 and right(token, 1) = '十' then
                n := 10 * strpos(numerals, left(token, 1));
            end if;
        end;
        if n between 1 and problems then
            return n;
        end if;
    end if;
    return case when problems = 1 then 1 end;
end
$$;

update narrative n
   set problem_items = coalesce((select jsonb_agg(jsonb_build_object('text', i.item, 'cause', null) order by i.ord)
                                   from narrative_v5_items(n.problems) i), '[]'::jsonb),
       measure_items = coalesce((select jsonb_agg(jsonb_build_object('text', i.item, 'problemRef',
                                            narrative_v5_ref(i.item, (select count(*) from narrative_v5_items(n.problems))))
                                            order by i.ord)
                                   from narrative_v5_items(n.measures) i), '[]'::jsonb);

drop function narrative_v5_items(text);
drop function narrative_v5_ref(text, bigint);

alter table narrative
    drop column problems,
    drop column measures;
