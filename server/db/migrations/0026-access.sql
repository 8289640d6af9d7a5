-- Access and on-/offboarding (issue 10, part 2). Which accounts, cards and keys each person of the register holds, and
-- the checklists a practice works through when someone joins (KBV Anlage 1 Nr. 1) or leaves (Anlage 1 Nr. 2). See
-- docs/decisions/027-access-and-checklists.md. No password, PIN or secret is ever stored: only that an account exists.

create table person_accounts (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  person_id uuid not null,
  system text not null check (system in ('pvs', 'windows_ad', 'email', 'vpn_remote', 'ti_ehba', 'ti_smcb', 'ti_connector',
    'cloud_service', 'mobile_device', 'key_or_badge', 'other')),
  -- The asset of the register the account belongs to (the PVS, a cloud service); removing the asset only clears the link.
  asset_id uuid,
  -- The login name or card number: what identifies the account, never its secret.
  account_name text not null default '' check (length(account_name) <= 200),
  is_admin boolean not null default false,
  -- Multi-factor authentication: yes, no or not known (null).
  mfa boolean,
  status text not null default 'active' check (status in ('active', 'disabled')),
  disabled_on date,
  notes text not null default '' check (length(notes) <= 2000),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete cascade,
  foreign key (organisation_id, asset_id) references assets (organisation_id, id) on delete set null (asset_id),
  -- A disabled account carries the day it was disabled; an active one none.
  check ((status = 'disabled') = (disabled_on is not null))
);

create index person_accounts_by_person on person_accounts (organisation_id, person_id, id);
create index person_accounts_by_system on person_accounts (organisation_id, system, id);
create index person_accounts_by_asset on person_accounts (organisation_id, asset_id) where asset_id is not null;
-- The two warnings of the dashboard: active accounts (of leavers) and administrator accounts without MFA.
create index person_accounts_active on person_accounts (organisation_id, person_id) where status = 'active';
create index person_accounts_admin_without_mfa on person_accounts (organisation_id, id) where is_admin and mfa is not true and status = 'active';

-- The organisation's own on- or offboarding checklist; without a row the built-in defaults apply
-- (domain/access/checklist-defaults.ts). Items are an ordered JSON array of {title, hint}.
create table checklist_templates (
  organisation_id uuid not null references organisations (id),
  kind text not null check (kind in ('onboarding', 'offboarding')),
  items jsonb not null check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) between 1 and 50),
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, kind)
);

-- A checklist started for a person: the template's items as they stood then, so later edits of the template do not
-- change what was worked through. Completing it records nothing else: accounts are disabled one by one.
create table person_checklists (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('onboarding', 'offboarding')),
  started_at timestamptz not null default now(),
  started_by_user_id uuid references users (id) on delete set null,
  completed_at timestamptz,
  primary key (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete cascade
);

-- At most one open checklist of each kind per person, also when two requests start one at the same moment.
create unique index person_checklists_one_open on person_checklists (organisation_id, person_id, kind) where completed_at is null;
create index person_checklists_by_person on person_checklists (organisation_id, person_id, started_at);

create table person_checklist_items (
  organisation_id uuid not null,
  checklist_id uuid not null,
  position integer not null check (position between 1 and 50),
  title text not null check (length(title) between 1 and 200),
  hint text not null default '' check (length(hint) <= 500),
  done_at timestamptz,
  done_by_user_id uuid references users (id) on delete set null,
  primary key (organisation_id, checklist_id, position),
  foreign key (organisation_id, checklist_id) references person_checklists (organisation_id, id) on delete cascade
);

select praxisschild_isolate('person_accounts');
select praxisschild_isolate('checklist_templates');
select praxisschild_isolate('person_checklists');
select praxisschild_isolate('person_checklist_items');

grant select, insert, update, delete on person_accounts to praxisschild_app;
grant select, insert, update, delete on checklist_templates to praxisschild_app;
grant select, insert, update, delete on person_checklists to praxisschild_app;
grant select, insert, update, delete on person_checklist_items to praxisschild_app;
