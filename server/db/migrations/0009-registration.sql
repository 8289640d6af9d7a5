-- § 33 BSIG registration readiness: one document per organisation with the registration data, the 24/7 contact
-- point, the MUK account holders, the escalation chain and the checklist.
create table registration_setups (
  organisation_id uuid primary key references organisations (id),
  data jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
alter table registration_setups enable row level security;
create policy registration_setups_by_organisation on registration_setups
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
grant select, insert, update on registration_setups to praxisschild_app;
