-- Sessions live in the database so that any instance behind the load balancer can serve any request.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint pk_spring_session primary key (primary_id)
);
create unique index ix_spring_session_session_id on spring_session (session_id);
create index ix_spring_session_expiry_time on spring_session (expiry_time);
create index ix_spring_session_principal_name on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint pk_spring_session_attributes primary key (session_primary_id, attribute_name),
    constraint fk_spring_session_attributes_session foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Scheduled jobs take a row here so that only one instance runs each of them at a time.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint pk_shedlock primary key (name)
);
