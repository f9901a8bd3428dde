package com.partnerdesk.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import com.partnerdesk.security.SignInName;

/** Users are always looked up within their customer. */
public interface DirectoryUserRepository extends JpaRepository<DirectoryUser, UUID> {

    @Query("select u from DirectoryUser u where u.customerId = :customerId and u.id = :id")
    Optional<DirectoryUser> findInCustomer(UUID customerId, UUID id);

    @Query("select u from DirectoryUser u where u.customerId = :customerId and u.id in :ids")
    List<DirectoryUser> findInCustomer(UUID customerId, Collection<UUID> ids);

    /**
     * The users, locked for the rest of the transaction in id order (the order every path locks users in, before any
     * subscription), and read after the lock: a state another admin committed meanwhile is seen, never overwritten.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from DirectoryUser u where u.customerId = :customerId and u.id in :ids order by u.id")
    List<DirectoryUser> lockInCustomer(UUID customerId, Collection<UUID> ids);

    @Query("""
            select u from DirectoryUser u
            where u.customerId = :customerId and lower(u.username) = lower(:username)
            order by u.deletedAt desc nulls first
            """)
    List<DirectoryUser> findByUsername(UUID customerId, String username);

    /**
     * The active user who signs in with this username: the holder of its claim, compared with the typed name as
     * {@link SignInName} folds it, so that the sign-in and its throttle fold the same way. An
     * active twin from before the claims existed, without the claim, is not found
     * (docs/decisions/0009-username-claims.md).
     */
    @Query(value = """
            select u.* from username_claim c
            join customer_user u on u.customer_id = c.customer_id and u.id = c.user_id
            where c.username = :signInName and u.deleted_at is null
            """, nativeQuery = true)
    List<DirectoryUser> findActiveBySignInName(String signInName);

    /** The customer of {@link #findActiveBySignInName}, without loading the user. */
    @Query(value = """
            select c.customer_id from username_claim c
            join customer_user u on u.customer_id = c.customer_id and u.id = c.user_id
            where c.username = :signInName and u.deleted_at is null
            """, nativeQuery = true)
    List<UUID> findActiveCustomerIdsBySignInName(String signInName);

    @Query("""
            select lower(u.username) from DirectoryUser u
            where u.customerId = :customerId and u.deletedAt is null and lower(u.username) in :lowerCaseUsernames
            """)
    List<String> findActiveUsernames(UUID customerId, Collection<String> lowerCaseUsernames);

    @Query("select count(u) from DirectoryUser u where u.customerId = :customerId and u.deletedAt is null")
    long countActive(UUID customerId);


    /** Active users of every customer, from the counters the database keeps (V020), so it costs nothing at millions. */
    @Query(value = "select coalesce(sum(active_users), 0) from customer_user_count", nativeQuery = true)
    long countActiveInAllCustomers();
}
