-- Foundation: organisations, locations, accounts, memberships, invitations, sessions, outbox, audit trail.
-- Tenant isolation (../shared/DESIGN.md): every tenant-owned table carries organisation_id in its primary key and
-- foreign keys, and a row-level-security policy on app.organisation_id. Requests run as praxisschild_app.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'praxisschild_app') then
    create role praxisschild_app nologin;
  end if;
end
$$;

-- The connecting user must be able to "set role praxisschild_app" (a superuser always can).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = current_user and rolsuper) then
    execute format('grant praxisschild_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to praxisschild_app;

create table organisations (
  id uuid primary key,
  name text not null check (length(name) between 2 and 200),
  legal_form text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table locations (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null check (length(name) between 2 and 120),
  street text,
  postal_code text,
  city text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id)
);

create table users (
  id uuid primary key,
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text not null,
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  locale text not null default 'de',
  created_at timestamptz not null default now()
);

create table memberships (
  organisation_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('management', 'it_lead', 'data_protection_officer', 'staff', 'auditor')),
  is_admin boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index memberships_user on memberships (user_id);

create table invitations (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  email text not null,
  role text not null check (role in ('management', 'it_lead', 'data_protection_officer', 'staff', 'auditor')),
  is_admin boolean not null default false,
  token_hash text not null unique,
  invited_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz,
  primary key (organisation_id, id)
);

create table sessions (
  id text primary key, -- SHA-256 of the cookie token; the token itself is never stored
  user_id uuid not null references users (id) on delete cascade,
  state text not null check (state in ('password_ok', 'enrolling', 'active')),
  csrf_token text not null,
  organisation_id uuid references organisations (id),
  pending_totp_secret_enc text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table outbox_mails (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  recipient text not null,
  subject text not null,
  body_text text not null,
  kind text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  delivery text not null check (delivery in ('outbox', 'smtp')),
  error text,
  primary key (organisation_id, id)
);

-- Audit trail: one hash chain per organisation. hash = sha256(previous hash + canonical entry).
create table audit_events (
  organisation_id uuid not null references organisations (id),
  seq bigint not null check (seq > 0),
  at timestamptz not null,
  actor_user_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  data jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  primary key (organisation_id, seq)
);

-- The head remembers the newest entry, so that deleting the last entries is detected too.
create table audit_heads (
  organisation_id uuid primary key references organisations (id),
  seq bigint not null,
  hash text not null
);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();

-- Row-level security: the app role sees only the organisation set for the current transaction.
alter table organisations enable row level security;
create policy organisations_by_organisation on organisations
  using (id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table locations enable row level security;
create policy locations_by_organisation on locations
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table memberships enable row level security;
create policy memberships_by_organisation on memberships
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table invitations enable row level security;
create policy invitations_by_organisation on invitations
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table outbox_mails enable row level security;
create policy outbox_mails_by_organisation on outbox_mails
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table audit_events enable row level security;
create policy audit_events_by_organisation on audit_events
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

alter table audit_heads enable row level security;
create policy audit_heads_by_organisation on audit_heads
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

grant select, update on organisations to praxisschild_app;
grant select, insert, update, delete on locations, memberships, invitations to praxisschild_app;
grant select, insert on outbox_mails to praxisschild_app;
grant select, insert on audit_events to praxisschild_app;
grant select, insert, update on audit_heads to praxisschild_app;
-- Accounts are global (one person, many organisations); the app role may read only what a member list shows.
grant select (id, email, name, totp_enabled_at, created_at) on users to praxisschild_app;
