-- The supplier register (issue 9, part 2): the IT service provider, the PVS vendor, the cloud and the TI providers a
-- practice depends on (§ 30 Abs. 2 Satz 2 Nr. 4 BSIG), with the processor agreement under Art. 28 DSGVO and, for health
-- data in the cloud, the C5 attestation or equivalence under § 393 SGB V; and which assets or services each provides.

create table suppliers (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  services text not null default '',
  criticality text not null default 'medium' check (criticality in ('low', 'medium', 'high', 'critical')),
  patient_data_access boolean,
  avv_status text check (avv_status in ('missing', 'requested', 'signed', 'not_required')),
  avv_signed_on date,
  -- The signed AVV, uploaded as an evidence file of the compliance module; deleting the file only clears the link.
  avv_evidence_id uuid,
  cloud_health_data boolean,
  c5_basis text check (c5_basis in ('attestation', 'equivalence')),
  c5_type text check (c5_type in ('type1', 'type2')),
  c5_scope text not null default '',
  c5_report_date date,
  c5_valid_until date,
  security_agreement boolean,
  audit_rights boolean,
  contact_name text not null default '',
  contact_email text not null default '',
  contact_phone text not null default '',
  emergency_contact text not null default '',
  emergency_phone text not null default '',
  sub_processors text not null default '',
  next_review_on date,
  notes text not null default '',
  -- Every change counts up; a change based on an older revision is refused (409) instead of overwriting silently.
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, id),
  foreign key (organisation_id, avv_evidence_id) references evidence_files (organisation_id, id) on delete set null (avv_evidence_id)
);

-- The name is the stable key of the register (re-imports update by it): one supplier per name, ignoring case.
create unique index suppliers_name_unique on suppliers (organisation_id, lower(name));
-- The list sorts and filters by these within one organisation; the id closes every order (keyset paging).
create index suppliers_by_criticality on suppliers (organisation_id, criticality, id);
create index suppliers_by_review on suppliers (organisation_id, next_review_on) where next_review_on is not null;
create index suppliers_by_c5_valid_until on suppliers (organisation_id, c5_valid_until) where c5_valid_until is not null;
create index suppliers_by_avv_evidence on suppliers (organisation_id, avv_evidence_id) where avv_evidence_id is not null;

-- "This supplier provides or looks after that asset or service"; both in the same organisation.
create table supplier_assets (
  organisation_id uuid not null,
  supplier_id uuid not null,
  asset_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, supplier_id, asset_id),
  foreign key (organisation_id, supplier_id) references suppliers (organisation_id, id) on delete cascade,
  foreign key (organisation_id, asset_id) references assets (organisation_id, id) on delete cascade
);
create index supplier_assets_by_asset on supplier_assets (organisation_id, asset_id);

select praxisschild_isolate('suppliers');
select praxisschild_isolate('supplier_assets');

grant select, insert, update, delete on suppliers to praxisschild_app;
grant select, insert, delete on supplier_assets to praxisschild_app;
