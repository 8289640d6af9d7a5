-- Phishing simulation (issue 13): campaigns to people of the register, one row per recipient while the campaign runs,
-- and after the close only the groups the report may show. § 30 Abs. 2 Satz 2 Nr. 7 BSIG (Art. 21 Abs. 2 lit. g
-- NIS2: cyber hygiene and training), KBV-IT-Sicherheitsrichtlinie Anlage 1 Nr. 8 to 10 (awareness of staff).
-- See docs/decisions/036-phishing.md for the anonymity argument.

-- Per organisation: the named mode (off by default; on only with the works agreement's reference and date, recorded
-- with who switched it on and when) and an own SMTP server (the URL with its password, AES-256-GCM under SECRET_KEY).
create table phishing_settings (
  organisation_id uuid not null references organisations (id),
  named_mode boolean not null default false,
  named_enabled_by uuid references users (id) on delete set null,
  named_enabled_at timestamptz,
  agreement_reference text check (length(agreement_reference) between 1 and 200),
  agreement_date date,
  smtp_url_sealed text check (length(smtp_url_sealed) <= 2000),
  updated_at timestamptz not null default now(),
  primary key (organisation_id),
  check (not named_mode or (agreement_reference is not null and agreement_date is not null and named_enabled_at is not null))
);

create table phishing_campaigns (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  template_id text not null check (length(template_id) <= 40),
  locale text not null check (locale in ('de', 'en')),
  subject text not null check (length(subject) between 1 and 200),
  sender_name text not null check (length(sender_name) between 1 and 100),
  sender_address text not null check (length(sender_address) between 3 and 254),
  body_html text not null check (length(body_html) <= 50000),
  body_text text not null check (length(body_text) <= 20000),
  -- {"kind":"all"} | {"kind":"locations","locationIds":[…]} | {"kind":"roles","roles":[…]}
  audience jsonb not null,
  group_by text not null check (group_by in ('location', 'role')),
  mode text not null default 'anonymous' check (mode in ('anonymous', 'named')),
  starts_at timestamptz,
  spread_minutes integer not null default 0 check (spread_minutes between 0 and 10080),
  retention_days integer not null default 14 check (retention_days between 1 and 30),
  status text not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent', 'closed')),
  -- Named mode: the works agreement as it stood when the campaign was started (the report shows it).
  agreement_reference text,
  agreement_date date,
  closes_at timestamptz,
  sending_finished_at timestamptz,
  closed_at timestamptz,
  -- Kept after the close, when the recipient rows are gone.
  recipients_total integer not null default 0,
  sent_total integer not null default 0,
  failed_total integer not null default 0,
  -- Micro-trainings completed through this campaign's links: a number, never a person (anonymous mode).
  training_completed integer not null default 0,
  revision integer not null default 1,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  check (mode = 'anonymous' or (agreement_reference is not null and agreement_date is not null) or status = 'draft')
);
create index phishing_campaigns_by_created on phishing_campaigns (organisation_id, created_at desc, id);
create index phishing_campaigns_to_close on phishing_campaigns (closes_at) where status <> 'closed';

-- One row per recipient while the campaign runs; deleted at the close (with it every link of a result to a person).
-- The token in the mail is derived from the row id under SECRET_KEY (HMAC); only its SHA-256 is stored. person_id is
-- needed to address the mail: in anonymous mode it is cleared as soon as the mail went out.
create table phishing_recipients (
  organisation_id uuid not null,
  campaign_id uuid not null,
  id uuid not null,
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  person_id uuid,
  -- The report's group: a location id, 'none' (no location) or a role, by the campaign's group_by.
  group_key text not null check (length(group_key) <= 64),
  planned_at timestamptz not null,
  -- pending → sending (claimed by one worker) → sent | failed; a transient SMTP error puts it back to pending.
  delivery text not null default 'pending' check (delivery in ('pending', 'sending', 'sent', 'failed')),
  claimed_at timestamptz,
  attempts integer not null default 0,
  sent_at timestamptz,
  last_error text check (length(last_error) <= 500),
  opened_at timestamptz,
  clicked_at timestamptz,
  submitted_at timestamptz,
  reported_at timestamptz,
  training_completed_at timestamptz,
  primary key (organisation_id, id),
  foreign key (organisation_id, campaign_id) references phishing_campaigns (organisation_id, id) on delete cascade,
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete set null (person_id)
);
-- Looked up by the hash alone (the public links name no organisation).
create unique index phishing_recipients_by_token on phishing_recipients (token_hash);
create index phishing_recipients_due on phishing_recipients (campaign_id, planned_at, id) where delivery = 'pending';
create index phishing_recipients_by_campaign on phishing_recipients (organisation_id, campaign_id, group_key);
create index phishing_recipients_by_person on phishing_recipients (organisation_id, person_id) where person_id is not null;

-- After the close: the groups exactly as the report may show them (anonymity rule applied; nothing smaller is kept).
create table phishing_results (
  organisation_id uuid not null,
  campaign_id uuid not null,
  position integer not null,
  kind text not null check (kind in ('location', 'role', 'other')),
  key text,
  label text,
  merged_groups integer not null default 0,
  recipients integer not null check (recipients >= 5),
  sent integer not null,
  opened integer not null,
  clicked integer not null,
  submitted integer not null,
  reported integer not null,
  primary key (organisation_id, campaign_id, position),
  foreign key (organisation_id, campaign_id) references phishing_campaigns (organisation_id, id) on delete cascade
);

select praxisschild_isolate('phishing_settings');
select praxisschild_isolate('phishing_campaigns');
select praxisschild_isolate('phishing_recipients');
select praxisschild_isolate('phishing_results');

grant select, insert, update, delete on phishing_settings, phishing_campaigns, phishing_recipients, phishing_results to praxisschild_app;
