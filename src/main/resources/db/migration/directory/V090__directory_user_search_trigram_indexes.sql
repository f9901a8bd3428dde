-- "Search by name or username" and the domain filter look for text anywhere in the name (like '%novak%'), which a
-- B-tree cannot answer: without these, counting the matches reads every user of the customer. pg_trgm is a trusted
-- extension shipped with PostgreSQL, so the database owner may create it.
create extension if not exists pg_trgm;

create index ix_customer_user_display_name_trigram
    on customer_user using gin (lower(display_name) gin_trgm_ops) where deleted_at is null;
create index ix_customer_user_username_trigram
    on customer_user using gin (lower(username) gin_trgm_ops) where deleted_at is null;
