-- Who did what, when, to which customer. Never holds a password.
create table audit_entry (
    id          bigint generated always as identity,
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    customer_id uuid,
    action      varchar(60)  not null,
    target      varchar(400),
    outcome     varchar(20)  not null,
    details     varchar(2000),
    constraint pk_audit_entry primary key (id),
    constraint ck_audit_entry_outcome check (outcome in ('SUCCESS', 'FAILURE', 'DENIED'))
);
create index ix_audit_entry_customer on audit_entry (customer_id, occurred_at desc);
create index ix_audit_entry_occurred_at on audit_entry (occurred_at desc);
