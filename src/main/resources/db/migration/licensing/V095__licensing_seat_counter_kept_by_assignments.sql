-- The seat ledger's invariant, kept by the database (docs/decisions/0010-seat-ledger-kept-by-the-database.md):
-- every subscription's seats_assigned equals its license_assignment rows, and no deleted user holds an assignment.

-- No writer of an older instance may change assignments, counters or deletions while the drift is repaired.
lock table license_assignment, subscription in exclusive mode;
lock table customer_user in share mode;

-- Repair 1: licenses still held by deleted users (a delete that raced a license change) are remembered for a restore,
-- as a deletion remembers them, and given back.
insert into deleted_user_license (customer_id, user_id, product_sku, subscription_id)
select a.customer_id, a.user_id, s.product_sku, a.subscription_id
from license_assignment a
join customer_user u on u.customer_id = a.customer_id and u.id = a.user_id
join subscription s on s.customer_id = a.customer_id and s.id = a.subscription_id
where u.deleted_at is not null
on conflict (customer_id, user_id, product_sku) do nothing;

delete from license_assignment a
using customer_user u
where u.customer_id = a.customer_id and u.id = a.user_id and u.deleted_at is not null;

-- Repair 2: every counter recomputed from the rows (a purge that cascaded assignments away left them too high). A
-- subscription with more holders than seats keeps its holders: its seats are raised to match rather than licenses
-- taken from active users without anyone asking; the partner sees the number on the Subscriptions tab.
update subscription s
set seats_assigned = counted.holders,
    seats_total = greatest(s.seats_total, counted.holders)
from (select s2.customer_id, s2.id, count(a.user_id)::int as holders
      from subscription s2
      left join license_assignment a on a.customer_id = s2.customer_id and a.subscription_id = s2.id
      group by s2.customer_id, s2.id) counted
where s.customer_id = counted.customer_id and s.id = counted.id and s.seats_assigned <> counted.holders;

-- From now on the counter is a consequence of the rows. Statement-level triggers with transition tables, like the
-- user counters (V020, V094): a set-based assignment of 5,000 users moves the counter once, and a cascade (the purge
-- deleting users) cannot forget it. ck_subscription_seats_within_total refuses any statement that would oversell.
-- Locks are taken in the order every application path uses: user rows first, then subscriptions by id.
create function license_assignment_inserted() returns trigger language plpgsql as $$
begin
    -- Shared locks on the holders wait for a deletion in flight; the check below then sees it committed.
    perform 1 from customer_user u
    where (u.customer_id, u.id) in (select customer_id, user_id from new_rows)
    order by u.id
    for share;
    if exists (select 1 from new_rows n
               join customer_user u on u.customer_id = n.customer_id and u.id = n.user_id
               where u.deleted_at is not null) then
        raise exception 'a deleted user cannot hold a license'
            using errcode = 'check_violation', constraint = 'ck_license_assignment_active_user';
    end if;
    perform 1 from subscription s
    where (s.customer_id, s.id) in (select customer_id, subscription_id from new_rows)
    order by s.id
    for no key update;
    update subscription s set seats_assigned = s.seats_assigned + n.holders
    from (select customer_id, subscription_id, count(*)::int as holders from new_rows
          group by customer_id, subscription_id) n
    where s.customer_id = n.customer_id and s.id = n.subscription_id;
    return null;
end;
$$;

create function license_assignment_deleted() returns trigger language plpgsql as $$
begin
    perform 1 from subscription s
    where (s.customer_id, s.id) in (select customer_id, subscription_id from old_rows)
    order by s.id
    for no key update;
    update subscription s set seats_assigned = s.seats_assigned - o.holders
    from (select customer_id, subscription_id, count(*)::int as holders from old_rows
          group by customer_id, subscription_id) o
    where s.customer_id = o.customer_id and s.id = o.subscription_id;
    return null;
end;
$$;

-- No path moves an assignment to another user or subscription; should one ever, the counters still follow.
create function license_assignment_updated() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n
               join customer_user u on u.customer_id = n.customer_id and u.id = n.user_id
               where u.deleted_at is not null) then
        raise exception 'a deleted user cannot hold a license'
            using errcode = 'check_violation', constraint = 'ck_license_assignment_active_user';
    end if;
    perform 1 from subscription s
    where (s.customer_id, s.id) in (select customer_id, subscription_id from new_rows
                                    union select customer_id, subscription_id from old_rows)
    order by s.id
    for no key update;
    update subscription s set seats_assigned = s.seats_assigned + d.holders
    from (select customer_id, subscription_id, sum(delta)::int as holders
          from (select customer_id, subscription_id, 1 as delta from new_rows
                union all
                select customer_id, subscription_id, -1 from old_rows) moves
          group by customer_id, subscription_id
          having sum(delta) <> 0) d
    where s.customer_id = d.customer_id and s.id = d.subscription_id;
    return null;
end;
$$;

create trigger tg_license_assignment_insert after insert on license_assignment
    referencing new table as new_rows for each statement execute function license_assignment_inserted();
create trigger tg_license_assignment_update after update on license_assignment
    referencing old table as old_rows new table as new_rows for each statement execute function license_assignment_updated();
create trigger tg_license_assignment_delete after delete on license_assignment
    referencing old table as old_rows for each statement execute function license_assignment_deleted();

-- The other side: a user marked deleted holds no license when its transaction commits. Checked at commit, so that a
-- deletion may mark its users first and give their licenses back after, which keeps every path's order of locks:
-- users, then the customer's user counter (moved by marking users deleted, as by creating or restoring them), then
-- subscriptions. The deletion holds the user's row lock, so an assignment in flight either committed before (and is
-- seen here) or waits for it and is refused above.
create function customer_user_deleted_without_licenses() returns trigger language plpgsql as $$
begin
    if exists (select 1 from license_assignment a where a.customer_id = new.customer_id and a.user_id = new.id)
       and exists (select 1 from customer_user u
                   where u.customer_id = new.customer_id and u.id = new.id and u.deleted_at is not null) then
        raise exception 'a user holding licenses cannot be marked deleted'
            using errcode = 'check_violation', constraint = 'ck_customer_user_deleted_without_licenses';
    end if;
    return null;
end;
$$;

create constraint trigger tg_customer_user_deleted_without_licenses after update of deleted_at on customer_user
    deferrable initially deferred
    for each row when (old.deleted_at is null and new.deleted_at is not null)
    execute function customer_user_deleted_without_licenses();
