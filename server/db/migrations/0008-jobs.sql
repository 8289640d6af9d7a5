-- Scheduled work (deadline reminders and the like) lives in the database: it survives restarts, and several app
-- processes on one PostgreSQL server lease jobs with "for update skip locked", so each runs once.
create table jobs (
  id uuid primary key,
  organisation_id uuid references organisations (id),
  kind text not null,
  run_at timestamptz not null,
  payload jsonb not null default '{}'::jsonb,
  unique_key text unique,
  attempts integer not null default 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index jobs_due on jobs (run_at) where done_at is null;

-- Requests plan jobs for their own organisation inside their transaction; the worker runs as the owner.
alter table jobs enable row level security;
create policy jobs_by_organisation on jobs
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
grant select, insert on jobs to praxisschild_app;
