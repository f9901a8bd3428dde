-- Deleted users per customer, kept beside the active ones by the same triggers: the "Deleted users (N)" tab is on every
-- page of a customer, and reading the counter with the customer's name costs no statement of its own.
alter table customer_user_count add column deleted_users bigint not null default 0;

insert into customer_user_count as c (customer_id, active_users, deleted_users)
select customer_id, 0, count(*) from customer_user where deleted_at is not null group by customer_id
on conflict (customer_id) do update set deleted_users = excluded.deleted_users;

-- A row counts +1 where it arrives and -1 where it leaves, as active or as deleted. A statement that moves no user
-- between the two (renaming users) still leaves the counter row alone.
create or replace function customer_user_count_updated() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users, deleted_users)
    select customer_id, sum(active), sum(deleted)
    from (select customer_id, (deleted_at is null)::int as active, (deleted_at is not null)::int as deleted
          from new_rows
          union all
          select customer_id, -(deleted_at is null)::int, -(deleted_at is not null)::int
          from old_rows) changes
    group by customer_id
    having sum(active) <> 0 or sum(deleted) <> 0
    on conflict (customer_id) do update
        set active_users = c.active_users + excluded.active_users,
            deleted_users = c.deleted_users + excluded.deleted_users;
    return null;
end;
$$;

create or replace function customer_user_count_inserted() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users, deleted_users)
    select customer_id, count(*) filter (where deleted_at is null), count(*) filter (where deleted_at is not null)
    from new_rows group by customer_id
    on conflict (customer_id) do update
        set active_users = c.active_users + excluded.active_users,
            deleted_users = c.deleted_users + excluded.deleted_users;
    return null;
end;
$$;

create or replace function customer_user_count_deleted() returns trigger language plpgsql as $$
begin
    insert into customer_user_count as c (customer_id, active_users, deleted_users)
    select customer_id, -count(*) filter (where deleted_at is null), -count(*) filter (where deleted_at is not null)
    from old_rows group by customer_id
    on conflict (customer_id) do update
        set active_users = c.active_users + excluded.active_users,
            deleted_users = c.deleted_users + excluded.deleted_users;
    return null;
end;
$$;
