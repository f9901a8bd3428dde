-- The Users and licenses list at 100,000 users per customer (docs/decisions/0003-users-list-paging.md).

-- Active users per customer, kept by the database itself so that every writer (forms, CSV import, restore, purge,
-- direct SQL) keeps it right. The unfiltered list, the customers list and the dashboard read it instead of counting.
create table customer_user_count (
    customer_id  uuid   not null,
    active_users bigint not null,
    constraint pk_customer_user_count primary key (customer_id),
    constraint fk_customer_user_count_customer foreign key (customer_id) references customer (id) on delete cascade
);

insert into customer_user_count (customer_id, active_users)
select customer_id, count(*) from customer_user where deleted_at is null group by customer_id;

-- Statement-level triggers with transition tables: a bulk insert of 5,000 users updates the counter once, not 5,000
-- times, and a statement that does not change how many users are active (renaming a user) leaves the counter row alone.
create function customer_user_count_updated() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users)
    select customer_id, sum(delta)
    from (select customer_id, 1 as delta from new_rows where deleted_at is null
          union all
          select customer_id, -1 from old_rows where deleted_at is null) changes
    group by customer_id
    having sum(delta) <> 0
    on conflict (customer_id) do update set active_users = c.active_users + excluded.active_users;
    return null;
end;
$$;

create function customer_user_count_inserted() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users)
    select customer_id, count(*) from new_rows where deleted_at is null group by customer_id
    on conflict (customer_id) do update set active_users = c.active_users + excluded.active_users;
    return null;
end;
$$;

create function customer_user_count_deleted() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users)
    select customer_id, -count(*) from old_rows where deleted_at is null group by customer_id
    on conflict (customer_id) do update set active_users = c.active_users + excluded.active_users;
    return null;
end;
$$;

create trigger tg_customer_user_count_insert after insert on customer_user
    referencing new table as new_rows for each statement execute function customer_user_count_inserted();
create trigger tg_customer_user_count_update after update on customer_user
    referencing old table as old_rows new table as new_rows for each statement execute function customer_user_count_updated();
create trigger tg_customer_user_count_delete after delete on customer_user
    referencing old table as old_rows for each statement execute function customer_user_count_deleted();

-- Index-only scans for the list's three orders: the database can skip to a deep page by reading the index alone.
-- An expression index serves an index-only scan only when the column behind the expression is in the index too,
-- hence the INCLUDE columns.
drop index ix_customer_user_display_name;
create index ix_customer_user_display_name
    on customer_user (customer_id, lower(display_name), id) include (display_name) where deleted_at is null;
drop index ix_customer_user_username;
create index ix_customer_user_username
    on customer_user (customer_id, lower(username), id) include (username) where deleted_at is null;
create index ix_customer_user_created
    on customer_user (customer_id, created_at, id) where deleted_at is null;
