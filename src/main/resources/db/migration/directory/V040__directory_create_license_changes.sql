-- What one "Manage licenses" save did, so that any instance can render its "Licenses updated" page, page by page.
create table license_change (
    customer_id            uuid         not null,
    id                     uuid         not null,
    changed_by             varchar(100) not null,
    changed_at             timestamptz  not null,
    user_ids               uuid[]       not null,
    -- Users who were to get a license but have no usage location: they got none.
    without_usage_location uuid[]       not null default '{}',
    constraint pk_license_change primary key (customer_id, id),
    constraint uk_license_change_id unique (id),
    constraint fk_license_change_customer foreign key (customer_id) references customer (id)
);

-- One row per subscription the save touched: who got it and who gave it back, set-based like the save itself.
create table license_change_item (
    customer_id     uuid         not null,
    change_id       uuid         not null,
    subscription_id uuid         not null,
    product_name    varchar(200) not null,
    added           uuid[]       not null,
    removed         uuid[]       not null,
    constraint pk_license_change_item primary key (customer_id, change_id, subscription_id),
    constraint fk_license_change_item_change foreign key (customer_id, change_id)
        references license_change (customer_id, id) on delete cascade,
    constraint fk_license_change_item_subscription foreign key (customer_id, subscription_id)
        references subscription (customer_id, id)
);
