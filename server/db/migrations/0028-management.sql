-- The personal duties of management under § 38 BSIG (issue 10, part 4): each managing director's training (Abs. 3)
-- and approval ("Billigung") of the risk-management measures (Abs. 1), on the record per director.
-- See docs/decisions/029-management-duties.md.

create table management_trainings (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  -- The director (a person with the role management); kept, anonymised, when the person record is deleted.
  person_id uuid,
  held_on date not null,
  agenda text not null check (length(agenda) between 1 and 4000),
  provider text not null check (length(provider) between 1 and 200),
  duration_minutes integer check (duration_minutes between 15 and 2400),
  certificate_evidence_id uuid,
  notes text not null default '' check (length(notes) <= 4000),
  recorded_by_user_id uuid references users (id) on delete set null,
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete set null (person_id),
  foreign key (organisation_id, certificate_evidence_id) references evidence_files (organisation_id, id) on delete set null (certificate_evidence_id)
);
create index management_trainings_by_person on management_trainings (organisation_id, person_id, held_on desc);
create index management_trainings_by_certificate on management_trainings (organisation_id, certificate_evidence_id) where certificate_evidence_id is not null;

-- An approval is a declaration made at a moment: never changed, never removed by the app (no update or delete grant).
create table management_approvals (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  person_id uuid,
  -- The director's own account: § 38 Abs. 1 BSIG does not let anyone approve on a director's behalf.
  approved_by_user_id uuid not null references users (id),
  approved_at timestamptz not null default now(),
  -- What was approved: the compliance version (every status change raises it) and the progress at that moment.
  status_version bigint not null check (status_version >= 0),
  kbv_done integer not null check (kbv_done >= 0),
  kbv_total integer not null check (kbv_total >= kbv_done),
  nis2_done integer not null check (nis2_done >= 0),
  nis2_total integer not null check (nis2_total >= nis2_done),
  remark text not null default '' check (length(remark) <= 4000),
  primary key (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete set null (person_id)
);
create index management_approvals_by_person on management_approvals (organisation_id, person_id, approved_at desc);

select praxisschild_isolate('management_trainings');
select praxisschild_isolate('management_approvals');

grant select, insert, update, delete on management_trainings to praxisschild_app;
grant select, insert on management_approvals to praxisschild_app;
