-- Awareness training (issue 10, part 3): § 30 Abs. 2 Satz 2 Nr. 7 BSIG (basic cyber hygiene and training) and the KBV
-- guideline (Anlage 1 Nr. 8 to 10: awareness of management, instruction of staff, awareness and training sessions).
-- Courses with a recurrence, sessions on a day, who attended, the signed attendance list and one-time confirmation links.

create table training_courses (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  title text not null check (length(title) between 1 and 200),
  topic text not null check (topic in ('phishing', 'passwords', 'mobile_devices', 'ti', 'data_protection', 'social_engineering',
    'incident_reporting', 'other')),
  description text not null default '' check (length(description) <= 4000),
  duration_minutes integer not null check (duration_minutes between 1 and 600),
  -- Repeat after this many calendar months (the KBV leaves the interval to the practice; a year is usual).
  recurrence_months integer not null default 12 check (recurrence_months between 1 and 60),
  -- Counts for the coverage: everyone active must have attended within the recurrence.
  mandatory boolean not null default true,
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id)
);
create index training_courses_by_title on training_courses (organisation_id, lower(title), id);

create table training_sessions (
  organisation_id uuid not null,
  id uuid not null,
  course_id uuid not null,
  held_on date not null,
  trainer text not null default '' check (length(trainer) <= 200),
  location_id uuid,
  notes text not null default '' check (length(notes) <= 4000),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  -- A course with sessions cannot be deleted (the sessions are the proof); delete the sessions first.
  foreign key (organisation_id, course_id) references training_courses (organisation_id, id),
  foreign key (organisation_id, location_id) references locations (organisation_id, id) on delete set null (location_id)
);
create index training_sessions_by_course on training_sessions (organisation_id, course_id, held_on desc, id);

-- The signed attendance list of a session (scan or photo), one per session. Its own table: evidence_files belongs to a
-- requirement's status, a session's list to the session (decision 028). Same limits and type check as evidence.
create table training_attendance_lists (
  organisation_id uuid not null,
  session_id uuid not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 26214400),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references users (id) on delete set null,
  primary key (organisation_id, session_id),
  foreign key (organisation_id, session_id) references training_sessions (organisation_id, id) on delete cascade
);

create table training_attendance (
  organisation_id uuid not null,
  id uuid not null,
  session_id uuid not null,
  -- Null once the person was deleted (anonymised): the row stays with the role and location it had, so counts stay.
  person_id uuid,
  person_role text not null,
  person_location_id uuid,
  status text not null default 'invited' check (status in ('invited', 'attended', 'confirmed')),
  confirmed_at timestamptz,
  confirmation_method text check (confirmation_method in ('list', 'link', 'recorded')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, session_id) references training_sessions (organisation_id, id) on delete cascade,
  foreign key (organisation_id, person_id) references people (organisation_id, id) on delete set null (person_id),
  check ((status = 'invited') = (confirmation_method is null))
);
create unique index training_attendance_unique on training_attendance (organisation_id, session_id, person_id);
create index training_attendance_by_person on training_attendance (organisation_id, person_id, session_id) where status <> 'invited';

-- One-time confirmation links: only the SHA-256 of the token is kept; a used or expired token is refused.
create table training_confirmations (
  organisation_id uuid not null,
  id uuid not null,
  attendance_id uuid not null,
  token_hash text not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, attendance_id) references training_attendance (organisation_id, id) on delete cascade
);
create unique index training_confirmations_token on training_confirmations (token_hash);
create index training_confirmations_by_attendance on training_confirmations (organisation_id, attendance_id);

select praxisschild_isolate('training_courses');
select praxisschild_isolate('training_sessions');
select praxisschild_isolate('training_attendance_lists');
select praxisschild_isolate('training_attendance');
select praxisschild_isolate('training_confirmations');

grant select, insert, update, delete on training_courses, training_sessions, training_attendance_lists, training_attendance,
  training_confirmations to praxisschild_app;
