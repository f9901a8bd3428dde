-- Failed sign-ins per account and per address, shared by every instance. A row is a subject ('account:<username>'
-- or 'address:<ip>') with the failures of its current window and, once too many, the end of its lock.
create table sign_in_throttle (
    subject           varchar(160) not null,
    failures          int          not null,
    window_started_at timestamptz  not null,
    locked_until      timestamptz,
    constraint pk_sign_in_throttle primary key (subject),
    constraint ck_sign_in_throttle_failures_positive check (failures > 0)
);
create index ix_sign_in_throttle_window_started_at on sign_in_throttle (window_started_at);
