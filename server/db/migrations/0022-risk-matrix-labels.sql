-- The labels of the risk matrix's axes per organisation (issue 9): five for the likelihood, five for the impact
-- ("selten … fast sicher"). No row, or a row without labels (reset), means the default labels of the reader's language.
create table risk_matrix_labels (
  organisation_id uuid not null primary key references organisations (id),
  likelihood text[] check (cardinality(likelihood) = 5),
  impact text[] check (cardinality(impact) = 5),
  -- Every change counts up, a reset too; a change based on an older revision is refused (409) instead of overwriting.
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  check ((likelihood is null) = (impact is null))
);

select praxisschild_isolate('risk_matrix_labels');

grant select, insert, update, delete on risk_matrix_labels to praxisschild_app;
