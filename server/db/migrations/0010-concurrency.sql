-- Writes that arrive at the same moment (docs/decisions/009-concurrency.md): the database decides instead of a
-- read followed by a write.

-- Incident numbers per organisation come from one counter row, raised in one statement (insert … on conflict do
-- update), instead of max(number) + 1, which two transactions read alike.
create table organisation_counters (
  organisation_id uuid primary key references organisations (id),
  incident_number integer not null default 0 check (incident_number >= 0)
);
insert into organisation_counters (organisation_id, incident_number)
  select organisation_id, max(number) from incidents group by organisation_id;

alter table organisation_counters enable row level security;
create policy organisation_counters_by_organisation on organisation_counters
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
grant select, insert, update on organisation_counters to praxisschild_app;

-- One location per name, compared as the app compares them (case and surrounding spaces ignored). Names that two
-- simultaneous requests stored twice before this index get a number, so the index can be built; nothing is deleted.
with ranked as (
  select organisation_id, id, name,
         row_number() over (partition by organisation_id, lower(trim(name)) order by created_at, id) as n
    from locations
)
update locations l
   set name = left(trim(r.name), 110) || ' (' || r.n || ')', updated_at = now()
  from ranked r
 where l.organisation_id = r.organisation_id and l.id = r.id and r.n > 1;

create unique index locations_name_unique on locations (organisation_id, lower(trim(name)));
