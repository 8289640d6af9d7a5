-- Organisation API tokens for machine access (detection tools sending alerts). Stored only as SHA-256, scoped,
-- revocable; the token itself is shown once when it is created.
create table api_tokens (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null,
  scope text not null check (scope in ('incident_intake')),
  token_hash text not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (organisation_id, id)
);

alter table api_tokens enable row level security;
create policy api_tokens_by_organisation on api_tokens
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
grant select, insert, update on api_tokens to praxisschild_app;

-- Alerts from the same source and host append to the open incident instead of opening a new one each time.
alter table incidents add column intake_key text;
create index incidents_intake on incidents (organisation_id, intake_key) where intake_key is not null;
