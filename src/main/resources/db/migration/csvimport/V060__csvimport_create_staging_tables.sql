-- A bulk import staged for its preview, so that any instance can show it and create from it.
-- Scoped to the customer and to the staff member who uploaded it.
create table import_batch (
    customer_id            uuid          not null,
    id                     uuid          not null,
    staff_id               uuid          not null,
    staff_username         varchar(100)  not null,
    file_name              varchar(255)  not null,
    status                 varchar(20)   not null,
    template               varchar(40),
    charset                varchar(40),
    delimiter              varchar(1),
    file_error_key         varchar(100),
    file_error_args        jsonb,
    file_notices           jsonb         not null default '[]',
    rows_read              int           not null default 0,
    valid_count            int           not null default 0,
    rejected_count         int           not null default 0,
    warning_count          int           not null default 0,
    skipped_count          int           not null default 0,
    default_usage_location varchar(2),
    file_subscription_ids  uuid[]        not null default '{}',
    rows_created           int           not null default 0,
    create_error_key       varchar(100),
    create_error_args      jsonb,
    handoff_ciphertext     bytea,
    handoff_expires_at     timestamptz,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    constraint pk_import_batch primary key (customer_id, id),
    constraint uk_import_batch_id unique (id),
    constraint fk_import_batch_customer foreign key (customer_id) references customer (id),
    constraint ck_import_batch_status
        check (status in ('READING', 'READY', 'FILE_REJECTED', 'CREATING', 'CREATED', 'FAILED'))
);
-- One import at a time per customer: reading or creating, across every instance.
create unique index uk_import_batch_one_running on import_batch (customer_id)
    where status in ('READING', 'CREATING');
create index ix_import_batch_staff on import_batch (customer_id, staff_id, created_at desc);

create table import_row (
    customer_id          uuid     not null,
    batch_id             uuid     not null,
    row_number           int      not null,
    first_name           text     not null,
    last_name            text     not null,
    display_name         text     not null,
    display_name_derived boolean  not null,
    username             text     not null,
    usage_location       text     not null,
    licenses             text     not null,
    subscription_ids     uuid[]   not null default '{}',
    valid                boolean  not null,
    has_warning          boolean  not null,
    notes                jsonb    not null default '[]',
    constraint pk_import_row primary key (customer_id, batch_id, row_number),
    constraint fk_import_row_batch foreign key (customer_id, batch_id)
        references import_batch (customer_id, id) on delete cascade
);
create index ix_import_row_valid on import_row (customer_id, batch_id, valid, row_number);
create index ix_import_row_username on import_row (customer_id, batch_id, lower(username));
