-- Kept aggregates for the dashboard and the catalog (docs/decisions/015-kept-aggregates.md). Counting 20 000 status
-- entries of an organisation at the location cap costs 60–90 ms, and on the embedded database that time blocks every
-- other request. The answers only change when one of their inputs does, so each organisation has a version that every
-- write to those inputs raises; the app keeps the counted answer with the version it was made from and counts again
-- only when the version has moved.
create table compliance_versions (
  -- No foreign key: the trigger writes at commit, when a removed organisation may already be gone.
  organisation_id uuid primary key,
  version bigint not null default 0 check (version >= 0)
);

alter table compliance_versions enable row level security;
create policy compliance_versions_by_organisation on compliance_versions
  using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
grant select, insert, update on compliance_versions to praxisschild_app;

-- Raised once per transaction and organisation, at commit (the triggers below are deferred): a writer takes the
-- version row's lock only after all its other locks, so two writers never wait on each other in opposite order, and
-- the new version becomes visible in the same instant as the data it stands for.
create function compliance_version_bump() returns trigger language plpgsql as $$
declare
  org uuid := coalesce(new.organisation_id, old.organisation_id);
  done text := coalesce(current_setting('praxisschild.compliance_bumped', true), '');
begin
  if position(org::text in done) > 0 then
    return null;
  end if;
  insert into compliance_versions as v (organisation_id, version) values (org, 1)
    on conflict (organisation_id) do update set version = v.version + 1;
  perform set_config('praxisschild.compliance_bumped', done || org::text || ',', true);
  return null;
end;
$$;

create constraint trigger requirement_statuses_version after insert or update or delete on requirement_statuses
  deferrable initially deferred for each row execute function compliance_version_bump();
create constraint trigger locations_version after insert or update or delete on locations
  deferrable initially deferred for each row execute function compliance_version_bump();
create constraint trigger applicability_checks_version after insert or update or delete on applicability_checks
  deferrable initially deferred for each row execute function compliance_version_bump();
