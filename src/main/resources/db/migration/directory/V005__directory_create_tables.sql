create table customer_user (
    customer_id         uuid         not null,
    id                  uuid         not null,
    first_name          varchar(50),
    last_name           varchar(50),
    display_name        varchar(50)  not null,
    username            varchar(320) not null,
    usage_location      varchar(2),
    admin_roles         text[]       not null default '{}',
    password_hash       varchar(200),
    password_temporary  boolean      not null default false,
    password_expires_at timestamptz,
    last_sign_in_at     timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    deleted_at          timestamptz,
    deleted_by          varchar(100),
    constraint pk_customer_user primary key (customer_id, id),
    constraint uk_customer_user_id unique (id),
    constraint fk_customer_user_customer foreign key (customer_id) references customer (id),
    constraint ck_customer_user_deleted_by check ((deleted_at is null) = (deleted_by is null))
);
-- A username is unique per customer among active users; deleted users inside their restore window
-- are guarded by the application, which can say when the window ends.
create unique index uk_customer_user_active_username
    on customer_user (customer_id, lower(username)) where deleted_at is null;
create index ix_customer_user_display_name
    on customer_user (customer_id, lower(display_name), id) where deleted_at is null;
create index ix_customer_user_username
    on customer_user (customer_id, lower(username), id) where deleted_at is null;
create index ix_customer_user_deleted
    on customer_user (customer_id, deleted_at) where deleted_at is not null;
create index ix_customer_user_admin_roles on customer_user using gin (admin_roles);

create table license_assignment (
    customer_id     uuid        not null,
    user_id         uuid        not null,
    subscription_id uuid        not null,
    assigned_at     timestamptz not null,
    constraint pk_license_assignment primary key (customer_id, user_id, subscription_id),
    constraint fk_license_assignment_user foreign key (customer_id, user_id)
        references customer_user (customer_id, id) on delete cascade,
    constraint fk_license_assignment_subscription foreign key (customer_id, subscription_id)
        references subscription (customer_id, id)
);
create index ix_license_assignment_subscription on license_assignment (customer_id, subscription_id, user_id);
