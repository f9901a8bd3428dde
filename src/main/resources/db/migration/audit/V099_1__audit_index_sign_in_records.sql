-- Sign-in records in the audit trail (wrong passwords of real accounts, and the refusals written one by one before
-- V099) are deleted after the sign-in retention; this index lets the scheduled cleanup find them without reading the
-- whole trail.
create index ix_audit_entry_sign_in_records on audit_entry (occurred_at)
    where action in ('staff.sign-in-failed', 'staff.sign-in-throttled', 'user.sign-in-failed', 'user.sign-in-throttled');
