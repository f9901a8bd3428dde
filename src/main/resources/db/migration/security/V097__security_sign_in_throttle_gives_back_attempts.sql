-- Attempts are counted before their password is checked, and a sign-in that succeeds gives its attempt back to the
-- address: a row may briefly count no attempt at all until its window passes and it is forgotten.
alter table sign_in_throttle drop constraint ck_sign_in_throttle_failures_positive;
alter table sign_in_throttle add constraint ck_sign_in_throttle_failures_not_negative check (failures >= 0);
