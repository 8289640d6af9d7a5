-- Compliance work: the requirement catalog (global, versioned data with stable ids), each organisation's
-- applicability checks, its status per requirement (and per location), and evidence files stored in the database.

create table catalog_requirements (
  id text primary key,                       -- stable: KBV-A1-01 …, BSIG-30-2-01 …
  framework text not null check (framework in ('kbv', 'nis2')),
  catalog_version text not null,             -- e.g. kbv-2025; a revision adds rows and withdraws others
  annex integer,
  number integer not null,
  reference text not null,                   -- "Anlage 1 Nr. 1", "§ 30 Abs. 2 Nr. 1 BSIG"
  title_de text not null,
  title_en text not null,
  summary_de text not null,
  summary_en text not null,
  summary_confidence text not null check (summary_confidence in ('confirmed', 'inferred')),
  target_object_de text,
  target_object_en text,
  applies_if jsonb not null default '[]'::jsonb,
  effective_from date,
  new_in_revision boolean not null default false,
  source_url text,
  sort_order integer not null,
  withdrawn_at date
);
create index catalog_requirements_search on catalog_requirements
  using gin (to_tsvector('german', title_de || ' ' || summary_de));

create table applicability_checks (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  kind text not null check (kind in ('nis2', 'kbv')),
  financial_year integer,
  inputs jsonb not null,
  result jsonb not null,
  checked_at timestamptz not null default now(),
  checked_by uuid references users (id),
  primary key (organisation_id, id)
);
create index applicability_checks_latest on applicability_checks (organisation_id, kind, checked_at desc);

-- One row per requirement and scope: location_id null = the whole organisation.
create table requirement_statuses (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  requirement_id text not null references catalog_requirements (id),
  location_id uuid,
  status text not null default 'open' check (status in ('open', 'in_progress', 'implemented', 'not_applicable')),
  not_applicable_reason text,
  owner_user_id uuid references users (id),
  due_date date,
  notes text,
  -- Kept by the evidence upload and delete in the same transaction: counting 2 000 files per catalog request
  -- cost more than the rest of the request on the embedded database.
  evidence_count integer not null default 0 check (evidence_count >= 0),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  primary key (organisation_id, id),
  foreign key (organisation_id, location_id) references locations (organisation_id, id),
  check (status <> 'not_applicable' or length(trim(coalesce(not_applicable_reason, ''))) > 0)
);
create unique index requirement_statuses_scope on requirement_statuses
  (organisation_id, requirement_id, coalesce(location_id, '00000000-0000-0000-0000-000000000000'::uuid));

create table evidence_files (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  requirement_status_id uuid not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 26214400),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references users (id),
  primary key (organisation_id, id),
  foreign key (organisation_id, requirement_status_id) references requirement_statuses (organisation_id, id)
);
create index evidence_files_status on evidence_files (organisation_id, requirement_status_id);

alter table applicability_checks enable row level security;
create policy applicability_checks_by_organisation on applicability_checks
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
alter table requirement_statuses enable row level security;
create policy requirement_statuses_by_organisation on requirement_statuses
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
alter table evidence_files enable row level security;
create policy evidence_files_by_organisation on evidence_files
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

grant select on catalog_requirements to praxisschild_app;
grant select, insert on applicability_checks to praxisschild_app;
grant select, insert, update on requirement_statuses to praxisschild_app;
grant select, insert, delete on evidence_files to praxisschild_app;
