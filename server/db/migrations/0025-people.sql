-- The people of a practice (issue 10, part 1): everyone who works there or for it, whether or not they have an account
-- in praxisschild. The register the access, on- and offboarding, training and § 38 BSIG records hang on; the NIS2 and
-- KBV checks derive their head counts and annual work units from it. Personal data kept minimal (Art. 5 Abs. 1 lit. c
-- DSGVO): no birth date, no address; an e-mail address only for training confirmations.

-- How long a leaver's record is kept after the end date before it may be deleted (training records stay, anonymised).
alter table organisations add column people_retention_months integer not null default 36
  check (people_retention_months between 0 and 120);

create table people (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  -- The practice's own personnel number: when given, the stable key of a re-import (unique, ignoring case).
  personnel_number text not null default '' check (length(personnel_number) <= 50),
  role text not null check (role in ('physician', 'medical_assistant', 'nurse', 'administration', 'management', 'external')),
  location_id uuid,
  email text not null default '' check (length(email) <= 254),
  -- The account in praxisschild, if the person has one.
  user_id uuid references users (id) on delete set null,
  starts_on date,
  ends_on date,
  -- Contract hours a week (0.5 steps are enough); null for a contractor or when not known.
  weekly_hours numeric(4, 1) check (weekly_hours > 0 and weekly_hours <= 80),
  contract_type text not null default 'permanent'
    check (contract_type in ('permanent', 'fixed_term', 'mini_job', 'apprentice', 'owner', 'contractor')),
  -- Permanently entrusted with processing patient data: counts for the KBV practice size (Anlage 2 from 6, Anlage 3 over 20).
  handles_patient_data boolean not null default true,
  notes text not null default '' check (length(notes) <= 4000),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text not null generated always as (lower(name || E'\x1f' || personnel_number || E'\x1f' || email)) stored,
  primary key (organisation_id, id),
  foreign key (organisation_id, location_id) references locations (organisation_id, id),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create unique index people_personnel_number_unique on people (organisation_id, lower(personnel_number)) where personnel_number <> '';
create index people_by_name on people (organisation_id, lower(name), id);
create index people_by_role on people (organisation_id, role, id);
create index people_by_location on people (organisation_id, location_id);
create index people_by_ends_on on people (organisation_id, ends_on) where ends_on is not null;
create index people_by_user on people (organisation_id, user_id) where user_id is not null;

select praxisschild_isolate('people');

grant select, insert, update, delete on people to praxisschild_app;
