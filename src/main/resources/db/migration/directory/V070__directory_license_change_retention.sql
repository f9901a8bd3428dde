-- "Licenses updated" reports are kept for a configurable time (partnerdesk.directory.license-report-retention); the
-- scheduled purge finds the expired ones, oldest first, by this index. Their items go with them (on delete cascade).
create index ix_license_change_changed_at on license_change (changed_at, customer_id, id);
