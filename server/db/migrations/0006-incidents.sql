-- Security incidents (Sicherheitsvorfälle): intake, significance assessment, timeline and the record of each report
-- submitted, from which the § 32 BSIG and Art. 33 GDPR clocks are computed (domain/incidents/deadlines.ts).

create table incidents (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  number integer not null,
  title text not null,
  description text not null default '',
  noticed_at timestamptz not null,
  location_ids uuid[] not null default '{}',
  systems text not null default '',
  suspected_origin text not null,
  patient_data_involved boolean not null,
  significance jsonb,                    -- the answers of the assessment
  significant boolean,                   -- null until assessed
  assessed_at timestamptz,
  handling_completed_at timestamptz,
  reported_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, number)
);

create table incident_events (
  organisation_id uuid not null,
  id uuid not null,
  incident_id uuid not null,
  at timestamptz not null,
  kind text not null,
  text text not null,
  data jsonb not null default '{}'::jsonb,
  created_by uuid references users (id),
  primary key (organisation_id, id),
  foreign key (organisation_id, incident_id) references incidents (organisation_id, id)
);
create index incident_events_by_incident on incident_events (organisation_id, incident_id, at);

create table incident_submissions (
  organisation_id uuid not null,
  incident_id uuid not null,
  kind text not null check (kind in ('early_warning', 'notification', 'progress_report', 'final_report', 'gdpr_art33', 'gdpr_art34')),
  submitted_at timestamptz not null,
  reference text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  primary key (organisation_id, incident_id, kind),
  foreign key (organisation_id, incident_id) references incidents (organisation_id, id)
);

alter table incidents enable row level security;
create policy incidents_by_organisation on incidents
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
alter table incident_events enable row level security;
create policy incident_events_by_organisation on incident_events
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
alter table incident_submissions enable row level security;
create policy incident_submissions_by_organisation on incident_submissions
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);

grant select, insert, update on incidents to praxisschild_app;
grant select, insert on incident_events to praxisschild_app;
grant select, insert, update on incident_submissions to praxisschild_app;
