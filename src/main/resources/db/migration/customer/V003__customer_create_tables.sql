create table customer (
    id           uuid         not null,
    company_name varchar(200) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    constraint pk_customer primary key (id)
);
create index ix_customer_company_name on customer (lower(company_name));

-- Domains are stored lower-case; one domain belongs to one customer only.
create table customer_domain (
    customer_id uuid         not null,
    domain      varchar(253) not null,
    position    int          not null,
    constraint pk_customer_domain primary key (customer_id, domain),
    constraint fk_customer_domain_customer foreign key (customer_id) references customer (id) on delete cascade,
    constraint ck_customer_domain_lower check (domain = lower(domain))
);
create unique index uk_customer_domain_domain on customer_domain (domain);
