-- The asset register (issue 9, part 1): what a practice runs, from the reception PC to the TI connector, the SMC-B and
-- the cloud services it uses, and how these depend on each other. See docs/decisions/023-asset-register.md.

create table assets (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('server', 'workstation', 'laptop', 'mobile', 'network', 'ti_connector', 'card_terminal',
    'ehba', 'smcb', 'pvs', 'kim', 'major_medical_device', 'medical_device', 'printer', 'cloud_service', 'software', 'backup', 'other')),
  location_id uuid,
  owner text not null default '',
  inventory_number text not null default '',
  manufacturer text not null default '',
  model text not null default '',
  version text not null default '',
  operating_system text not null default '',
  support_ends_on date,
  protection_need text not null default 'normal' check (protection_need in ('normal', 'high', 'very_high')),
  last_patched_on date,
  admin_mfa boolean,
  encrypted_at_rest boolean,
  network_segment text not null default '',
  notes text not null default '',
  -- Every change counts up; a change based on an older revision is refused (409) instead of overwriting silently.
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, location_id) references locations (organisation_id, id)
);

-- The inventory number is the stable key of the register (re-imports update by it), unique when given.
create unique index assets_inventory_number_unique on assets (organisation_id, lower(inventory_number)) where inventory_number <> '';
-- The list sorts and filters by these within one organisation; the id closes every order (keyset paging).
create index assets_by_name on assets (organisation_id, lower(name), id);
create index assets_by_kind on assets (organisation_id, kind, id);
create index assets_by_location on assets (organisation_id, location_id);
create index assets_by_support_end on assets (organisation_id, support_ends_on) where support_ends_on is not null;

-- "A runs on B", "A's data is stored in B", "A is used by B"; both ends in the same organisation, never itself.
create table asset_relations (
  organisation_id uuid not null,
  id uuid not null,
  source_id uuid not null,
  kind text not null check (kind in ('runs_on', 'stored_in', 'used_by')),
  target_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, source_id, kind, target_id),
  check (source_id <> target_id),
  foreign key (organisation_id, source_id) references assets (organisation_id, id) on delete cascade,
  foreign key (organisation_id, target_id) references assets (organisation_id, id) on delete cascade
);
create index asset_relations_by_target on asset_relations (organisation_id, target_id);

select praxisschild_isolate('assets');
select praxisschild_isolate('asset_relations');

grant select, insert, update, delete on assets to praxisschild_app;
grant select, insert, delete on asset_relations to praxisschild_app;
