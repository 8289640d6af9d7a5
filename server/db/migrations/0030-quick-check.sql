-- The quick check (issue 11): the public page stores nothing; an organisation created with its answers keeps them
-- here, re-validated and re-scored by the server, so that the roadmap and later views can start from them.
-- See docs/decisions/030-quick-check.md.

create table quick_checks (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  -- The question set the answers belong to (domain/quickcheck/questions.ts, QUICK_CHECK_VERSION).
  question_set_version text not null check (length(question_set_version) between 1 and 40),
  -- { "<question id>": "yes" | "partly" | "no" | "unknown" | "not_applicable" }
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  -- The result as the server scored it (score, levers, next steps); never a score sent by the browser.
  result jsonb not null check (jsonb_typeof(result) = 'object'),
  score integer not null check (score between 0 and 100),
  -- Catalog ids set to "in progress" from the answers when the organisation was created.
  prefilled_requirement_ids text[] not null default '{}',
  carried_at timestamptz not null default now(),
  carried_by_user_id uuid references users (id) on delete set null,
  primary key (organisation_id, id)
);
create index quick_checks_newest on quick_checks (organisation_id, carried_at desc);

select praxisschild_isolate('quick_checks');

-- Written once when the organisation is created; kept as it was answered.
grant select, insert on quick_checks to praxisschild_app;
