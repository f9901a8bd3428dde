-- Reference data: the products a partner can resell.
create table product (
    sku  varchar(64)  not null,
    name varchar(200) not null,
    constraint pk_product primary key (sku)
);

insert into product (sku, name) values
    ('SPE_E3', 'Microsoft 365 E3'),
    ('SPE_E5', 'Microsoft 365 E5'),
    ('O365_BUSINESS_ESSENTIALS', 'Microsoft 365 Business Basic'),
    ('O365_BUSINESS_PREMIUM', 'Microsoft 365 Business Standard'),
    ('SPB', 'Microsoft 365 Business Premium'),
    ('EXCHANGESTANDARD', 'Exchange Online (Plan 1)'),
    ('TEAMS_ESSENTIALS', 'Microsoft Teams Essentials'),
    ('POWER_BI_PRO', 'Power BI Pro'),
    ('VISIOCLIENT', 'Visio Plan 2'),
    ('PROJECTPROFESSIONAL', 'Project Plan 3');

-- The seat counter is guarded here: no statement can assign more seats than the subscription has.
create table subscription (
    customer_id    uuid        not null,
    id             uuid        not null,
    product_sku    varchar(64) not null,
    seats_total    int         not null,
    seats_assigned int         not null default 0,
    created_at     timestamptz not null,
    constraint pk_subscription primary key (customer_id, id),
    constraint uk_subscription_id unique (id),
    constraint uk_subscription_product unique (customer_id, product_sku),
    constraint fk_subscription_customer foreign key (customer_id) references customer (id),
    constraint fk_subscription_product foreign key (product_sku) references product (sku),
    constraint ck_subscription_seats_total_not_negative check (seats_total >= 0),
    constraint ck_subscription_seats_within_total check (seats_assigned between 0 and seats_total)
);
