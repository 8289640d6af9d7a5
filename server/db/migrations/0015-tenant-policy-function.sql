-- One definition of tenant isolation instead of the same policy text copied for every table (decision 021).
--
-- praxisschild_current_organisation(): the organisation of the current transaction (set by withOrganisation), or null.
-- An SQL function of one stable expression: the planner inlines it, so `organisation_id = …` stays usable by indexes.
create or replace function praxisschild_current_organisation() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.organisation_id', true), '')::uuid $$;

-- praxisschild_isolate('table'): makes a table tenant-owned. Row-level security is enabled and forced (so it binds the
-- table owner too, not only the app role), every earlier policy on the table is dropped, and two policies are made:
--   <table>_by_organisation  the app role sees and writes only rows of the current organisation;
--   <table>_system           the owner (the user that runs the migrations and the app's system work: sign-in, jobs,
--                            backups, verify-audit) sees every row, but only while no organisation is set: inside an
--                            organisation's transaction the owner is held to that organisation as well.
-- New tenant tables call it at the end of their migration: select praxisschild_isolate('risks');
create or replace function praxisschild_isolate(target regclass, organisation_column name default 'organisation_id') returns void
  language plpgsql
  as $$
declare
  table_name name := (select c.relname from pg_class c where c.oid = target);
  policy record;
begin
  for policy in select p.polname from pg_policy p where p.polrelid = target loop
    execute format('drop policy %I on %s', policy.polname, target);
  end loop;
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format('create policy %I on %s to praxisschild_app using (%I = praxisschild_current_organisation())',
    table_name || '_by_organisation', target, organisation_column);
  execute format('create policy %I on %s to %I using (praxisschild_current_organisation() is null)',
    table_name || '_system', target, current_user);
end
$$;

-- Every table that has row-level security today: the organisations table by its id, the others by organisation_id.
do $$
declare
  t record;
begin
  for t in
    select c.oid::regclass as target, c.relname
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r' and c.relrowsecurity
  loop
    perform praxisschild_isolate(t.target, case when t.relname = 'organisations' then 'id' else 'organisation_id' end);
  end loop;
end
$$;
