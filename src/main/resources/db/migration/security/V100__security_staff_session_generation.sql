-- A staff member's sessions are valid for one generation: ending them moves the number, and a session signed in under
-- an older one is signed out at its next request, on whichever instance serves it.
alter table staff_member add column session_generation integer not null default 0;
alter table staff_member add constraint ck_staff_member_session_generation check (session_generation >= 0);
