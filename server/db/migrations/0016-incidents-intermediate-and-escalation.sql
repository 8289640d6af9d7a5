-- Incidents: the intermediate report on the BSI's request (§ 32 Abs. 1 Nr. 3 BSIG), the escalation checklist kept on
-- the server instead of in one browser, and the significance answer renamed to the law's words (§ 2 Nr. 11 BSIG).
-- See docs/decisions/020-incidents-intermediate-and-escalation.md.

-- One row per request of the BSI; the same request recorded twice (same arrival) stays one row. The answer is recorded
-- on the row that asked for it.
create table incident_intermediate_requests (
  organisation_id uuid not null,
  id uuid not null,
  incident_id uuid not null,
  requested_at timestamptz not null,
  due_at timestamptz,                    -- the date the BSI set in its request; null when it set none
  request_reference text,
  submitted_at timestamptz,
  submission_reference text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, incident_id, requested_at),
  foreign key (organisation_id, incident_id) references incidents (organisation_id, id),
  check (due_at is null or due_at >= requested_at),
  check (submitted_at is null or submitted_at >= requested_at)
);

-- A tick of the escalation checklist ("Wer muss Bescheid wissen?"): this step of the chain has been informed. Taking a
-- tick back deletes its row; the timeline and the audit trail keep both.
create table incident_escalation_ticks (
  organisation_id uuid not null,
  incident_id uuid not null,
  step text not null check (step ~ '^(itLead|management|dpo|own-(0|[1-9][0-9]?))$'),
  ticked_at timestamptz not null default now(),
  ticked_by uuid references users (id),
  primary key (organisation_id, incident_id, step),
  foreign key (organisation_id, incident_id) references incidents (organisation_id, id)
);

alter table incident_intermediate_requests enable row level security;
create policy incident_intermediate_requests_by_organisation on incident_intermediate_requests
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
alter table incident_escalation_ticks enable row level security;
create policy incident_escalation_ticks_by_organisation on incident_escalation_ticks
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

grant select, insert, update on incident_intermediate_requests to praxisschild_app;
grant select, insert, delete on incident_escalation_ticks to praxisschild_app;

-- § 2 Nr. 11 Buchst. a BSIG speaks of "finanzielle Verluste" without "erheblich": the answer is renamed. Stored
-- answers keep their value (an earlier "yes" to a considerable loss is a "yes" to a loss).
update incidents
   set significance = (significance - 'considerableFinancialLoss') || jsonb_build_object('financialLoss', significance -> 'considerableFinancialLoss')
 where significance ? 'considerableFinancialLoss';
