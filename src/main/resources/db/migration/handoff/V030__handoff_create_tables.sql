-- Temporary passwords on their way to the staff member who issued them. The list is encrypted (AES-GCM) under a key
-- that only that staff member's browser holds, in a cookie; this table alone reveals nothing. Rows live minutes.
create table password_handoff (
    customer_id      uuid         not null,
    id               uuid         not null,
    staff_username   varchar(100) not null,
    sealed           bytea        not null,
    credential_count int          not null,
    shown_pages      int[]        not null default '{}',
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    constraint pk_password_handoff primary key (customer_id, id),
    constraint uk_password_handoff_id unique (id),
    constraint fk_password_handoff_customer foreign key (customer_id) references customer (id) on delete cascade,
    constraint ck_password_handoff_count check (credential_count >= 0)
);
create index ix_password_handoff_expires_at on password_handoff (expires_at);
