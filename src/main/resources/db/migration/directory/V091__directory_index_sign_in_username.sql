-- A customer user signs in with their username alone, before anyone knows their customer: the sign-in looks the
-- username up across customers. Every other username index starts with customer_id and cannot serve that lookup.
create index ix_customer_user_sign_in_username on customer_user (lower(username)) where deleted_at is null;
