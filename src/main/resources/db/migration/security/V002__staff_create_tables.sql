-- The partner organisation that runs this installation, and its staff (agents).
create table partner (
    id   uuid         not null,
    name varchar(200) not null,
    constraint pk_partner primary key (id)
);

create table staff_member (
    id            uuid         not null,
    partner_id    uuid         not null,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    role          varchar(20)  not null,
    password_hash varchar(200) not null,
    created_at    timestamptz  not null,
    constraint pk_staff_member primary key (id),
    constraint fk_staff_member_partner foreign key (partner_id) references partner (id),
    constraint ck_staff_member_role check (role in ('ADMIN_AGENT', 'HELPDESK_AGENT', 'SALES_AGENT'))
);
create unique index uk_staff_member_username on staff_member (lower(username));
