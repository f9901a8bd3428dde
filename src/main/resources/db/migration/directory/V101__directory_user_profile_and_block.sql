-- The rest of a user's life: the profile fields admin consoles offer beside the name, sign-in blocked apart from
-- deletion (the user keeps licenses and data), and a generation for the user's sessions so that "sign out everywhere"
-- ends them on every instance at their next request.
alter table customer_user
    add column job_title          varchar(128),
    add column department         varchar(64),
    add column office_phone       varchar(64),
    add column mobile_phone       varchar(64),
    add column alternate_email    varchar(254),
    add column blocked_at         timestamptz,
    add column blocked_by         varchar(100),
    add column session_generation integer not null default 0;

alter table customer_user
    add constraint ck_customer_user_blocked_by check ((blocked_at is null) = (blocked_by is null)),
    add constraint ck_customer_user_session_generation check (session_generation >= 0);
