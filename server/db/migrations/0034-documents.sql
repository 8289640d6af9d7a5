-- Documents (issue 12): the organisation's texts per document kind, frozen versions and their approval by management.
-- See docs/decisions/034-documents.md.

-- One row per kind an organisation has touched: its own wording of the prose sections (keys of the kind's sections;
-- a missing key means the default text) and how often the document is reviewed.
create table documents (
  organisation_id uuid not null references organisations (id),
  kind text not null check (kind in ('security_policy', 'emergency_plan', 'incident_response_plan', 'asset_register',
    'supplier_register', 'risk_register', 'management_report', 'statement_of_applicability')),
  texts jsonb not null default '{}'::jsonb check (jsonb_typeof(texts) = 'object'),
  review_months integer not null default 12 check (review_months between 1 and 36),
  revision integer not null default 1,
  updated_by_user_id uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, kind)
);

-- A version is the document as it stood when someone issued it: both languages frozen as document models, so that a
-- version reads the same in a year although the registers have changed. Never edited; approvals are added.
create table document_versions (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  kind text not null,
  number integer not null check (number >= 1),
  note text not null default '' check (length(note) <= 2000),
  content_de jsonb not null,
  content_en jsonb not null,
  -- SHA-256 of the frozen content (hex): what an approval and the evidence pack refer to.
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  created_by_user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, kind, number),
  foreign key (organisation_id, kind) references documents (organisation_id, kind)
);

-- Management's approval of a version (§ 38 Abs. 1 BSIG "billigen"): one per member and version. When the member is a
-- director with a person record, the approval is recorded in management_approvals as well and linked here.
create table document_approvals (
  organisation_id uuid not null references organisations (id),
  version_id uuid not null,
  approved_by_user_id uuid not null references users (id),
  approved_by_name text not null check (length(approved_by_name) between 1 and 200),
  approved_at timestamptz not null default now(),
  management_approval_id uuid,
  remark text not null default '' check (length(remark) <= 2000),
  -- The review the approval sets: the approval day plus the document's review period.
  review_due date not null,
  primary key (organisation_id, version_id, approved_by_user_id),
  foreign key (organisation_id, version_id) references document_versions (organisation_id, id),
  foreign key (organisation_id, management_approval_id) references management_approvals (organisation_id, id)
);
create index document_approvals_by_review on document_approvals (organisation_id, review_due);

-- The review of an approved document is a task of the plan.
alter table tasks drop constraint tasks_source_check;
alter table tasks add constraint tasks_source_check check (source in ('manual', 'roadmap', 'recurring', 'document'));

select praxisschild_isolate('documents');
select praxisschild_isolate('document_versions');
select praxisschild_isolate('document_approvals');

grant select, insert, update on documents to praxisschild_app;
grant select, insert on document_versions to praxisschild_app;
grant select, insert on document_approvals to praxisschild_app;
