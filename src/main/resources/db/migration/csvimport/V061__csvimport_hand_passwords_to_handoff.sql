-- Created users' temporary passwords now go through the shared one-time handoff (password_handoff); the batch only
-- remembers which handoff holds them, never the list itself.
alter table import_batch
    drop column handoff_ciphertext,
    drop column handoff_expires_at,
    add column handoff_id uuid;
