-- A running import (reading or creating) is leased by the instance doing the work: claimed_by names the instance,
-- claim_id this one run of the work (every write of the run is fenced by it), and heartbeat_at is renewed while the
-- work runs. Any instance turns a batch whose heartbeat is older than the lease back into something the admin can act
-- on: a creation into its preview, ready to create again; a reading into a failed upload.
-- waiting_behind is set while the work waits for one of the instance's import slots: how many imports it runs at once.
alter table import_batch
    add column claimed_by     varchar(200),
    add column claim_id       uuid,
    add column heartbeat_at   timestamptz,
    add column waiting_behind int,
    add constraint ck_import_batch_running_is_claimed
        check (status not in ('READING', 'CREATING') or (claim_id is not null and heartbeat_at is not null))
        not valid;
-- Batches already running when this version is deployed were started by a version without a lease: their heartbeat is
-- their last progress, so they are taken over like any other once it is older than the lease.
update import_batch set heartbeat_at = updated_at, claim_id = gen_random_uuid(), claimed_by = 'before-leases'
where status in ('READING', 'CREATING');
alter table import_batch validate constraint ck_import_batch_running_is_claimed;
