-- The column mapping of the register imports, remembered per organisation and register (issue 9: "the mapping step
-- remembers the mapping"). On the server rather than in one browser, so that an IT service provider working from
-- several devices for many practices finds it again. Written by a successful import in its own transaction; read by
-- the next preview that sends no mapping of its own (server/spreadsheet/remembered-mapping.ts, decision 024).

create table import_mappings (
  organisation_id uuid not null references organisations (id),
  -- The register's name as in its sheet definition: 'assets', 'suppliers', 'risks', …
  register text not null check (length(register) between 1 and 50),
  -- Column title as it stood in the file → field of the register, or null for a column left out. At most 200 titles.
  mapping jsonb not null default '{}' check (jsonb_typeof(mapping) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, register)
);

select praxisschild_isolate('import_mappings');

grant select, insert, update, delete on import_mappings to praxisschild_app;
