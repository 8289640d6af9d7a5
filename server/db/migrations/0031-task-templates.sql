-- The recurring cycle (issue 11, part 3): templates of tasks that come back quarterly, yearly or every two years, and
-- on each task the template it came from and the occurrence it follows. See docs/decisions/031-tasks.md.

-- The organisation's changes to the built-in templates (domain/tasks/recurring-defaults.ts: same id in every
-- organisation, no row until changed) and its own templates (built_in_key null). A null title or description of a
-- built-in template means its default text from the locale files, in the reader's language.
create table task_templates (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  built_in_key text check (built_in_key is null or length(built_in_key) between 1 and 50),
  title text check (title is null or length(title) between 1 and 200),
  description text check (description is null or length(description) <= 8000),
  rhythm text not null check (rhythm in ('quarterly', 'yearly', 'biennial')),
  active boolean not null default true,
  -- A member of the organisation when saved; a generated task gets the owner only while they still are one.
  default_owner_user_id uuid references users (id) on delete set null,
  -- What each occurrence serves: [{kind, targetId}], checked like a task's links when saved.
  links jsonb not null default '[]' check (jsonb_typeof(links) = 'array' and jsonb_array_length(links) <= 20),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  check (built_in_key is not null or title is not null)
);
create unique index task_templates_built_in on task_templates (organisation_id, built_in_key) where built_in_key is not null;

-- The template an occurrence came from. No foreign key: a built-in template may have no row.
alter table tasks add column template_id uuid;
-- The occurrence whose completion created this one: unique, so one completion creates its follower once, also when it
-- is completed, reopened and completed again, or completed by ten requests at the same moment.
alter table tasks add column follows_task_id uuid;
create unique index tasks_follows_unique on tasks (organisation_id, follows_task_id) where follows_task_id is not null;
create index tasks_open_by_template on tasks (organisation_id, template_id) where template_id is not null and status in ('open', 'in_progress');
-- The list's default order (tasks without a due day last) and the title order, without a sort of every row.
create index tasks_by_due_last on tasks (organisation_id, (coalesce(due_on, date '9999-12-31')), id);
create index tasks_by_title on tasks (organisation_id, lower(title), id);
-- The title lowered once when written, for the list's search: one `like` per row instead of an `ilike`, which lowers
-- every title again on every search (the same pattern as the asset register's search column, decision 023).
alter table tasks add column search_text text not null generated always as (lower(title)) stored;

select praxisschild_isolate('task_templates');
grant select, insert, update, delete on task_templates to praxisschild_app;
