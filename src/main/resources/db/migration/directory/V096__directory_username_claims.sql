-- One username, one person. A customer user signs in with the username alone, before anyone knows the customer, so a
-- username may belong to one user across all customers. The unique index uk_customer_user_active_username holds per
-- customer only, and no index on customer_user could hold across customers once the table is distributed by
-- customer_id; a table keyed by the username itself can (docs/decisions/0009-username-claims.md).
--
-- A user holds the claim on its lower-cased username while it is active and while it is deleted, until it is purged
-- or the application lets go of it (its restore window ended, or its customer dropped the username's domain).
create table username_claim (
    username    varchar(320) not null,
    customer_id uuid         not null,
    user_id     uuid         not null,
    constraint pk_username_claim primary key (username),
    constraint ck_username_claim_lower check (username = lower(username))
);
-- Not unique: a user restored under a new name claims it before the rename releases the old one.
create index ix_username_claim_user on username_claim (customer_id, user_id);

-- Existing users, one claim per username. Where several users share one (in one customer or across customers, from
-- before this table), the claim goes to an active user before a deleted one, then to the most recently deleted, then
-- to the oldest account. The others keep their rows untouched: an active twin without the claim cannot sign in and
-- is found by the invariant query (UsernameClaims.unclaimedActiveUsers); a deleted one can only be restored as a
-- new username.
insert into username_claim (username, customer_id, user_id)
select distinct on (lower(username)) lower(username), customer_id, id
from customer_user
order by lower(username), deleted_at is not null, deleted_at desc, created_at, id;

-- The claims follow the rows in triggers, so no path that writes customer_user can forget them: an insert claims, a
-- rename or a restore claims the name it makes active, a purge releases. A name held by another user raises
-- unique_violation on pk_username_claim, as the primary key itself would, with the lower-cased username as detail.
-- Statement-level with transition tables: a bulk creation of 5,000 users claims in one statement, in username order,
-- so two bulk creations sharing names wait for each other instead of deadlocking.
create function username_claim_take(wanted_usernames text[], wanted_customers uuid[], wanted_users uuid[])
    returns void language plpgsql as $$
declare
    taken text;
begin
    insert into username_claim (username, customer_id, user_id)
    select w.username, w.customer_id, w.user_id
    from unnest(wanted_usernames, wanted_customers, wanted_users) as w(username, customer_id, user_id)
    on conflict (username) do nothing;
    -- A conflict waits for a concurrent claimer of the same name to commit or roll back, so whoever comes second
    -- finds the name held by someone else here.
    select w.username into taken
    from unnest(wanted_usernames, wanted_users) as w(username, user_id)
    where not exists (select 1 from username_claim c where c.username = w.username and c.user_id = w.user_id)
    limit 1;
    if taken is not null then
        raise exception 'username % is claimed by another user', taken
            using errcode = 'unique_violation', constraint = 'pk_username_claim', table = 'username_claim',
                  detail = taken;
    end if;
end;
$$;

create function username_claim_inserted() returns trigger language plpgsql as $$
begin
    perform username_claim_take(array_agg(lower(username) order by lower(username), id),
                                array_agg(customer_id order by lower(username), id),
                                array_agg(id order by lower(username), id))
    from new_rows;
    return null;
end;
$$;

create function username_claim_updated() returns trigger language plpgsql as $$
begin
    -- A renamed user lets go of its old name.
    delete from username_claim c
    using old_rows o join new_rows n on n.customer_id = o.customer_id and n.id = o.id
    where lower(o.username) <> lower(n.username) and c.username = lower(o.username) and c.user_id = o.id;
    -- A renamed user takes its new name; a restored one takes its name again (it may have been released).
    perform username_claim_take(array_agg(lower(n.username) order by lower(n.username), n.id),
                                array_agg(n.customer_id order by lower(n.username), n.id),
                                array_agg(n.id order by lower(n.username), n.id))
    from old_rows o join new_rows n on n.customer_id = o.customer_id and n.id = o.id
    where lower(o.username) <> lower(n.username) or (o.deleted_at is not null and n.deleted_at is null);
    return null;
end;
$$;

create function username_claim_deleted() returns trigger language plpgsql as $$
begin
    delete from username_claim c using old_rows o where c.customer_id = o.customer_id and c.user_id = o.id;
    return null;
end;
$$;

create trigger tg_username_claim_insert after insert on customer_user
    referencing new table as new_rows for each statement execute function username_claim_inserted();
create trigger tg_username_claim_update after update on customer_user
    referencing old table as old_rows new table as new_rows for each statement execute function username_claim_updated();
create trigger tg_username_claim_delete after delete on customer_user
    referencing old table as old_rows for each statement execute function username_claim_deleted();
