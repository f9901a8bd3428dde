-- "Filter users by… domain" compares the part of the username after the "@" (usernames have exactly one) instead of
-- matching a suffix with LIKE. The index gives the planner statistics on that part: with them it walks the list's sort
-- index for a page instead of collecting every user of a large domain through the trigram index, and the domain's
-- count reads this index alone.
create index ix_customer_user_domain on customer_user (customer_id, split_part(lower(username), '@', 2))
    where deleted_at is null;
