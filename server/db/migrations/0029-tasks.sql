-- Tasks (issue 11, part 1): what someone has to do, by when, and what it serves. The 8-week roadmap (source 'roadmap')
-- and the recurring cycle (source 'recurring') create tasks too; a manual task has source 'manual'.

create table tasks (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 8000),
  -- A member of the organisation (checked by the service); null while nobody has taken it on.
  owner_user_id uuid references users (id) on delete set null,
  due_on date check (due_on is null or due_on between date '2000-01-01' and date '2100-12-31'),
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  done_at timestamptz,
  done_by uuid references users (id) on delete set null,
  source text not null default 'manual' check (source in ('manual', 'roadmap', 'recurring')),
  -- A stable key of what generated it (a roadmap item such as 'roadmap:mfa-admins', a recurring template's occurrence),
  -- so that regenerating the roadmap proposes only what is new and a recurrence is created once.
  source_key text check (source_key is null or length(source_key) between 1 and 200),
  -- The roadmap week (1 to 8) it was planned in, when it came from the roadmap.
  roadmap_week smallint check (roadmap_week is null or roadmap_week between 1 and 8),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  check ((status = 'done') = (done_at is not null))
);
create unique index tasks_source_key_unique on tasks (organisation_id, source_key) where source_key is not null;
create index tasks_by_due on tasks (organisation_id, due_on, id);
create index tasks_by_owner on tasks (organisation_id, owner_user_id, due_on, id);
create index tasks_open_by_due on tasks (organisation_id, due_on, id) where status in ('open', 'in_progress');

-- What a task serves: a requirement of the catalog (its id, e.g. 'KBV-A1-04' or a § 30 measure's id) or a record of a
-- register (risk, asset, supplier, person) or an incident (their uuid as text).
create table task_links (
  organisation_id uuid not null,
  task_id uuid not null,
  kind text not null check (kind in ('requirement', 'risk', 'asset', 'supplier', 'person', 'incident')),
  target_id text not null check (length(target_id) between 1 and 100),
  primary key (organisation_id, task_id, kind, target_id),
  foreign key (organisation_id, task_id) references tasks (organisation_id, id) on delete cascade
);
create index task_links_by_target on task_links (organisation_id, kind, target_id);

create table task_comments (
  organisation_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  author_user_id uuid references users (id) on delete set null,
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, task_id) references tasks (organisation_id, id) on delete cascade
);
create index task_comments_by_task on task_comments (organisation_id, task_id, created_at, id);

select praxisschild_isolate('tasks');
select praxisschild_isolate('task_links');
select praxisschild_isolate('task_comments');
grant select, insert, update, delete on tasks, task_links, task_comments to praxisschild_app;
