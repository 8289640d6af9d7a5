-- The asset list's search (decision 023): one stored, lowered text of the searched columns, joined by U+001F (a
-- control character no input may hold, so a search never matches across two columns). One `like` per row instead of
-- an `ilike` for each of five columns: a search over 10 000 assets counts its matches in about 3 ms instead of 17.
alter table assets add column search_text text not null generated always as (
  lower(name || E'\x1f' || inventory_number || E'\x1f' || manufacturer || E'\x1f' || model || E'\x1f' || owner)
) stored;
