-- The risk register (issue 9, part 3): risks rated on a 5 × 5 matrix of likelihood and impact, before and after the
-- planned measures, with a treatment and, for an accepted risk, management's acceptance on the record (§ 30 Abs. 2
-- Satz 2 Nr. 1 BSIG risk analysis, § 38 Abs. 1 BSIG management approves the measures).

-- Risk numbers come from the organisation's counter row like incident numbers: simultaneous creates queue on it.
alter table organisation_counters add column risk_number integer not null default 0;

create table risks (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  -- "R-7": per organisation, never reused, the stable key of a later re-import.
  number integer not null check (number >= 1),
  title text not null check (length(title) between 1 and 200),
  description text not null default '',
  owner text not null default '',
  likelihood integer not null check (likelihood between 1 and 5),
  impact integer not null check (impact between 1 and 5),
  -- The residual rating after the measures: both halves or neither (a score needs both).
  residual_likelihood integer check (residual_likelihood between 1 and 5),
  residual_impact integer check (residual_impact between 1 and 5),
  treatment text not null default 'reduce' check (treatment in ('reduce', 'accept', 'transfer', 'avoid')),
  measures text not null default '',
  -- Catalog ids (KBV-A1-16, BSIG-30-2-10), checked against the catalog by the service.
  requirement_ids text[] not null default '{}',
  review_on date,
  -- The library template it was adopted from (domain/risks/risk-templates.data.ts).
  template_id text check (template_id ~ '^RT-[0-9]{2}$'),
  -- Management's acceptance of the risk as it stood at accepted_revision; a change of rating or treatment clears it.
  accepted_by_user_id uuid references users (id),
  accepted_at timestamptz,
  accepted_revision integer,
  -- Every change counts up; a change based on an older revision is refused (409) instead of overwriting silently.
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, number),
  check ((residual_likelihood is null) = (residual_impact is null)),
  check ((accepted_at is null) = (accepted_by_user_id is null) and (accepted_at is null) = (accepted_revision is null)),
  check (accepted_at is null or treatment = 'accept')
);

-- A template is adopted once per organisation: adopting it again answers the existing risk.
create unique index risks_template_unique on risks (organisation_id, template_id) where template_id is not null;
-- The list sorts by these within one organisation; the id closes every order (keyset paging).
create index risks_by_current_score on risks (organisation_id, (coalesce(residual_likelihood * residual_impact, likelihood * impact)), id);
create index risks_by_title on risks (organisation_id, lower(title), id);
create index risks_by_review on risks (organisation_id, review_on) where review_on is not null;
create index risks_by_updated on risks (organisation_id, updated_at, id);

select praxisschild_isolate('risks');

grant select, insert, update, delete on risks to praxisschild_app;
