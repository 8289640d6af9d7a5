-- Calendar and reminders (issue 11, items 4 and 5): calendar feeds behind a secret address, each person's choice of
-- reminder mails, and the reminders already sent, so that each goes out once however many app processes run.
-- See docs/decisions/033-calendar-and-agenda.md.

-- A subscription address (…/api/v1/calendar/<token>.ics). Only the SHA-256 of the token is kept, as for the training
-- confirmation links: the address is shown once, when made or renewed. A personal feed belongs to its member and
-- shows what is theirs; the organisation feed shows everything and is made by management or an administrator.
create table calendar_feeds (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  scope text not null check (scope in ('personal', 'organisation')),
  -- personal: whose feed it is; organisation: who made it (the feed stays when that person leaves).
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  -- The language of the event texts: the maker's at the time.
  locale text not null default 'de' check (locale in ('de', 'en')),
  created_at timestamptz not null default now(),
  rotated_at timestamptz,
  -- Set at most once an hour by a fetch: shows whether a calendar program is subscribed.
  last_fetched_at timestamptz,
  revoked_at timestamptz,
  primary key (organisation_id, id)
);
-- Looked up by the hash alone (the public address names no organisation); 256 random bits never collide.
create index calendar_feeds_by_token on calendar_feeds (token_hash);
-- One working personal feed per member and one working organisation feed: a second create is a 409.
create unique index calendar_feeds_personal_active on calendar_feeds (organisation_id, user_id) where scope = 'personal' and revoked_at is null;
create unique index calendar_feeds_organisation_active on calendar_feeds (organisation_id) where scope = 'organisation' and revoked_at is null;

-- Each member's reminder mails in one organisation: the mails to a task's owner a week before and on the due date
-- (on unless switched off) and the daily digest (off unless switched on).
create table calendar_preferences (
  organisation_id uuid not null references organisations (id),
  user_id uuid not null references users (id) on delete cascade,
  task_reminders boolean not null default true,
  daily_digest boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);

-- What was sent: the key is the dedupe. A reminder (or digest) is queued in the same transaction that inserts its row;
-- a second process trying the same row waits for the first and finds it there, so it sends nothing.
create table calendar_reminders_sent (
  organisation_id uuid not null references organisations (id),
  kind text not null check (kind in ('task_week_before', 'task_due', 'digest')),
  -- The task reminded of, or the member a digest went to.
  subject_id uuid not null,
  -- The due date reminded of (a moved due date is reminded of again), or the day of the digest.
  day date not null,
  sent_at timestamptz not null default now(),
  primary key (organisation_id, kind, subject_id, day)
);
create index calendar_reminders_sent_by_day on calendar_reminders_sent (day);

select praxisschild_isolate('calendar_feeds');
select praxisschild_isolate('calendar_preferences');
select praxisschild_isolate('calendar_reminders_sent');

grant select, insert, update on calendar_feeds, calendar_preferences to praxisschild_app;
grant select, insert on calendar_reminders_sent to praxisschild_app;
