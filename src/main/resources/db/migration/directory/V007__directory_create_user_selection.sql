-- Users picked on the list (across pages, or "all matching the filter"), handed to a bulk action by id so that
-- any instance can serve the action page and no URL has to carry thousands of ids.
create table user_selection (
    customer_id    uuid         not null,
    id             uuid         not null,
    staff_username varchar(100) not null,
    user_ids       uuid[]       not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    constraint pk_user_selection primary key (customer_id, id),
    constraint fk_user_selection_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_user_selection_expires_at on user_selection (expires_at);
