-- The 8-week plan (issue 11, part 2). The proposal is computed from the checks, the catalog statuses and the registers;
-- what a person takes over becomes tasks (source 'roadmap', source_key 'roadmap:<item>', roadmap_week 1 to 8). This
-- table keeps each acceptance: the first day of its plan (a Monday), so that the plan page can show the weeks' dates,
-- and how many tasks it created. See docs/decisions/032-roadmap.md.
create table roadmap_acceptances (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  starts_on date not null check (starts_on between date '2000-01-01' and date '2100-12-31' and extract(isodow from starts_on) = 1),
  task_count integer not null check (task_count between 1 and 200),
  accepted_at timestamptz not null default now(),
  accepted_by uuid references users (id) on delete set null,
  primary key (organisation_id, id)
);
create index roadmap_acceptances_by_time on roadmap_acceptances (organisation_id, accepted_at, id);

select praxisschild_isolate('roadmap_acceptances');
grant select, insert on roadmap_acceptances to praxisschild_app;
