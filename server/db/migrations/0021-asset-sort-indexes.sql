-- The asset list's other sort keys get their keyset indexes too (decision 023): without them "newest first", "by
-- support end" and "by inventory number" sort the whole register of the organisation on every page.
create index assets_by_updated on assets (organisation_id, updated_at, id);
create index assets_by_inventory_number on assets (organisation_id, lower(inventory_number), id);
create index assets_by_support_end_sort on assets (organisation_id, (coalesce(support_ends_on, '9999-12-31'::date)), id);
