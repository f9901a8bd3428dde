-- Refused sign-ins are counted, not listed: one row per door, account, hour, address range and reason, whose count
-- grows with each attempt, instead of one audit entry per attempt. The account is the folded username only when it
-- names an account ('' otherwise), so made-up usernames add to one row of their address range rather than a row each
-- (docs/decisions/0011-refused-sign-ins-counted.md).
create table sign_in_refusal (
    door              varchar(20)  not null,
    account           varchar(400) not null,
    window_started_at timestamptz  not null,
    address_range     varchar(60)  not null,
    reason            varchar(20)  not null,
    customer_id       uuid,
    attempts          int          not null,
    first_at          timestamptz  not null,
    last_at           timestamptz  not null,
    last_address      varchar(60)  not null,
    constraint pk_sign_in_refusal primary key (door, account, window_started_at, address_range, reason),
    constraint ck_sign_in_refusal_attempts_positive check (attempts > 0),
    constraint ck_sign_in_refusal_reason
        check (reason in ('UNKNOWN_USERNAME', 'ACCOUNT_LOCKED', 'ADDRESS_LOCKED', 'NOT_ACCEPTED')),
    constraint ck_sign_in_refusal_seen_in_order check (first_at <= last_at)
);
create index ix_sign_in_refusal_customer on sign_in_refusal (customer_id, last_at desc) where customer_id is not null;
create index ix_sign_in_refusal_last_at on sign_in_refusal (last_at);
