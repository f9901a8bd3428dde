-- The licenses a user held when deleted, remembered so that a restore can give them back. The seats themselves are
-- released at deletion. Keyed by product (a customer has one subscription per product): when the subscription is
-- removed its id becomes null, and the row still says which product could not be given back, and why.
create table deleted_user_license (
    customer_id     uuid        not null,
    user_id         uuid        not null,
    product_sku     varchar(64) not null,
    subscription_id uuid,
    constraint pk_deleted_user_license primary key (customer_id, user_id, product_sku),
    constraint fk_deleted_user_license_user foreign key (customer_id, user_id)
        references customer_user (customer_id, id) on delete cascade,
    constraint fk_deleted_user_license_subscription foreign key (customer_id, subscription_id)
        references subscription (customer_id, id) on delete set null (subscription_id),
    constraint fk_deleted_user_license_product foreign key (product_sku) references product (sku)
);
create index ix_deleted_user_license_subscription on deleted_user_license (customer_id, subscription_id);

-- The purge looks for users whose restore window has ended, across all customers.
create index ix_customer_user_deleted_at on customer_user (deleted_at) where deleted_at is not null;
