package com.partnerdesk.directory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.licensing.HeldLicense;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SubscriptionName;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Users and licenses list: a constant number of statements per page whatever its size, number or filter, and no
 * page that reads more than its own rows where the list's links lead (docs/decisions/0003-users-list-paging.md):
 * <ul>
 * <li>a page reached through "Next" or "Previous" is found by seeking in the sort's index from the row next to it
 * ({@link PagePosition});</li>
 * <li>the unfiltered total comes from {@code customer_user_count}, which the database keeps, and so do the totals of
 * "has license X" and "has no license X", from the subscription's seat counter. Other filters are counted by
 * {@link #count} in a request of their own, which the page does not wait for;</li>
 * <li>a page number alone is found by an index-only scan over ids, from the nearer end when the total is known;</li>
 * <li>a search's page walks the sort's index first, testing the search text the index carries, and collects every
 * match only for a term too rare to fill the page that way ({@link #pageIds});</li>
 * <li>a page number past the end shows the last page.</li>
 * </ul>
 * Its statements run without a transaction around them: each is consistent in itself, and a list does not need the
 * total and the rows from one snapshot, so the page saves the transaction's begin and commit.
 */
@Service
public class UserSearch {

    /**
     * How many entries of the sort's index a search walks for a page before it collects the matches instead: a term
     * that one user in 150 shares fills a page of 25 within it, and the whole walk costs about a millisecond.
     */
    private static final int SEARCH_WALK = 4000;

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9.-]{1,253}");

    private final NamedParameterJdbcTemplate jdbc;

    private final Licensing licensing;

    UserSearch(NamedParameterJdbcTemplate jdbc, Licensing licensing) {
        this.jdbc = jdbc;
        this.licensing = licensing;
    }

    /**
     * One page of the customer's active users that match the filter.
     *
     * @param customer the customer as its header was read, whose counter is the unfiltered total
     * @param subscriptions the customer's subscriptions, which name the licenses on the page and whose seat counters
     * are the totals of "has license X" and "has no license X"
     */
    public UserListPage find(CustomerProfile customer, UserFilter filter, UserSort sort, PagePosition position,
            int size, List<SubscriptionName> subscriptions) {
        UUID customerId = customer.id();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        ListQuery query = new ListQuery(customerId, filter, where(customerId, filter, parameters), parameters,
                subscriptions);
        Long total = keptTotal(customer, filter, license -> subscriptions.stream()
            .filter(subscription -> subscription.id().equals(license))
            .mapToLong(SubscriptionName::holders)
            .findFirst()
            .orElse(0));
        if (position.seeks()) {
            UserListPage sought = seek(query, sort, position, size, total);
            if (sought != null) {
                return sought;
            }
        }
        if (total == null && position.last()) {
            return lastPageOfUncounted(query, sort, position, size);
        }
        if (total == null) {
            UserListPage counted = pageWithoutTotal(query, sort, position.number(), size);
            if (counted != null) {
                return counted;
            }
            // A page number past the end of a list without a kept total (typed or tampered): count, then clamp.
            total = count(query.where(), parameters);
        }
        return numberedPage(query, sort, position.last() ? Integer.MAX_VALUE : position.number(), size, total);
    }

    /**
     * How many active users match the filter: from a counter where the database keeps one, otherwise counted. The
     * list asks for a counted total after the page is shown.
     */
    public long count(CustomerProfile customer, UserFilter filter) {
        Long total = keptTotal(customer, filter, license -> licensing.holdersOf(customer.id(), license));
        if (total != null) {
            return total;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        return count(where(customer.id(), filter, parameters), parameters);
    }

    /**
     * The page next to an anchor row: after it for "Next", before it for "Previous". Null when the anchor is no longer
     * there (purged, or not this customer's) or nothing follows it any more: the page number decides then.
     */
    private UserListPage seek(ListQuery query, UserSort sort, PagePosition position, int size, Long total) {
        boolean backwards = position.after() == null;
        query.parameters().addValue("anchor", backwards ? position.before() : position.after());
        List<UserListRow> rows = rows(query, backwards ? sort.reversed() : sort, sort, true, size + 1, 0);
        if (rows.isEmpty()) {
            // The anchor is gone, or nothing follows it any more: the page number decides.
            return null;
        }
        if (backwards && rows.size() < size) {
            // Less than a page before the anchor (users were deleted meanwhile): that is the first page.
            return total == null ? pageWithoutTotal(query, sort, 1, size) : numberedPage(query, sort, 1, size, total);
        }
        boolean more = rows.size() > size;
        int highest = total == null ? Integer.MAX_VALUE : UserListPage.lastPage(total, size);
        if (backwards) {
            List<UserListRow> page = more ? rows.subList(1, rows.size()) : rows;
            int number = more ? Math.min(Math.max(position.number(), 2), highest) : 1;
            return new UserListPage(page, number, size, total, more, true);
        }
        List<UserListRow> page = more ? rows.subList(0, size) : rows;
        int number = Math.min(Math.max(position.number(), 2), highest);
        return new UserListPage(page, number, size, total, true, more);
    }

    /** A page by number where the total is known: read from the nearer end, so no page skips more than half. */
    private UserListPage numberedPage(ListQuery query, UserSort sort, int requested, int size, long total) {
        int lastPage = UserListPage.lastPage(total, size);
        int number = Math.min(Math.max(requested, 1), lastPage);
        long offset = (long) (number - 1) * size;
        boolean fromTheEnd = offset > total / 2;
        long rowsOnPage = Math.max(0, Math.min(size, total - offset));
        List<UserListRow> rows = fromTheEnd
                ? rows(query, sort.reversed(), sort, false, rowsOnPage, total - offset - rowsOnPage)
                : rows(query, sort, sort, false, size, offset);
        return new UserListPage(rows, number, size, total, number > 1, number < lastPage);
    }

    /** A page by number where the total is not known; null when the number is past the end. */
    private UserListPage pageWithoutTotal(ListQuery query, UserSort sort, int number, int size) {
        List<UserListRow> rows = rows(query, sort, sort, false, size + 1, (long) (number - 1) * size);
        if (rows.isEmpty() && number > 1) {
            return null;
        }
        boolean more = rows.size() > size;
        return new UserListPage(more ? rows.subList(0, size) : rows, number, size, null, number > 1, more);
    }

    /** "Last" where the total is not known: the last page's worth of users, read from the end. */
    private UserListPage lastPageOfUncounted(ListQuery query, UserSort sort, PagePosition position, int size) {
        List<UserListRow> rows = rows(query, sort.reversed(), sort, false, size + 1, 0);
        boolean more = rows.size() > size;
        return new UserListPage(more ? rows.subList(1, rows.size()) : rows, more ? Math.max(position.number(), 2) : 1,
                size, null, more, false);
    }

    /**
     * Reads {@code limit} rows in the order {@code scan}, optionally after the row {@code :anchor} in that order, and
     * returns them in the order {@code shown}, each with the subscriptions it holds. Only ids are skipped and sorted
     * (an index-only scan); the page's own rows are read once found.
     */
    private List<UserListRow> rows(ListQuery query, UserSort scan, UserSort shown, boolean seek, long limit,
            long offset) {
        String customer = literal(query.customerId());
        String anchor = seek ? """
                anchor as (select %s from customer_user k where k.customer_id = %s and k.id = :anchor),
                """.formatted(scan.keyOf("k"), customer) : "";
        String after = seek ? " and " + scan.after("anchor") : "";
        return jdbc.query("""
                with %s %s
                select u.id, u.display_name, u.username, u.admin_roles, u.password_temporary, u.created_at,
                       array(select a.subscription_id from license_assignment a
                             where a.customer_id = %s and a.user_id = u.id) as held
                from page join customer_user u on u.customer_id = %s and u.id = page.id
                order by %s
                """.formatted(anchor, pageIds(query, scan, after, limit, offset), customer, customer, shown.orderBy()),
                query.parameters(),
                (rs, rowNum) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new UserListRow(id, rs.getString("display_name"), rs.getString("username"),
                            roles((String[]) rs.getArray("admin_roles").getArray()),
                            query.licensesHeld(id, (UUID[]) rs.getArray("held").getArray()),
                            rs.getBoolean("password_temporary"), rs.getTimestamp("created_at").toInstant());
                });
    }

    /**
     * The statement part {@code page}: the ids of the page's rows, in the order {@code scan}. Without a search they are
     * read from the sort's index.
     * <p>
     * A search is answered two ways. Its matches can be collected through the trigram index and sorted: cheap for a
     * rare term, but a term that a few thousand users share costs milliseconds. Or the sort's index can be walked in
     * order, testing the search text it carries (migration V093) without reading the table, until a page is full: cheap
     * for a common term, but a rare one would be tested against every user. So a search's first page, and every page
     * "Next" or "Previous" leads to, first walks at most {@value #SEARCH_WALK} entries, and collects the matches only
     * when that walk did not fill the page. The collected matches are materialised, so that the database does not
     * plan the walk itself and test every user.
     */
    private static String pageIds(ListQuery query, UserSort scan, String after, long limit, long offset) {
        if (query.filter().search() == null) {
            return "page as (select u.id from customer_user u %s%s order by %s limit %d offset %d)"
                .formatted(query.where(), after, scan.orderBy(), limit, offset);
        }
        String matches = """
                matches as materialized (select u.id, u.display_name, u.username, u.created_at
                                         from customer_user u %s%s),
                """.formatted(query.where(), after);
        if (offset > 0 || !query.filter().isSearchOnly()) {
            return matches + "page as (select u.id from matches u order by %s limit %d offset %d)"
                .formatted(scan.orderBy(), limit, offset);
        }
        return matches + """
                walked as materialized (select w.id from (select u.id, u.search_text from customer_user u
                                                          where u.customer_id = %s and u.deleted_at is null%s
                                                          order by %s limit %d) w
                                        where w.search_text like :search limit %d),
                page as (select id from walked where (select count(*) from walked) = %d
                         union all
                         (select u.id from matches u where (select count(*) from walked) < %d
                          order by %s limit %d))
                """.formatted(literal(query.customerId()), after, scan.orderBy(), SEARCH_WALK, limit, limit, limit,
                        scan.orderBy(), limit);
    }

    /** One list's filter and statement parts, and the subscriptions that name the licenses on its rows. */
    private record ListQuery(UUID customerId, UserFilter filter, String where, MapSqlParameterSource parameters,
            List<SubscriptionName> subscriptions) {

        /** The licenses a user holds, in product-name order as the subscriptions come. */
        List<HeldLicense> licensesHeld(UUID userId, UUID[] held) {
            if (held.length == 0) {
                return List.of();
            }
            List<UUID> heldIds = Arrays.asList(held);
            List<HeldLicense> licenses = new ArrayList<>(held.length);
            for (SubscriptionName subscription : subscriptions) {
                if (heldIds.contains(subscription.id())) {
                    licenses.add(subscription.heldBy(userId));
                }
            }
            return licenses;
        }
    }

    /**
     * The total from a counter the database keeps, or null where the filter has none: the customer's active users
     * (migration V020), or how many hold a license, from its subscription's seat counter.
     */
    private static Long keptTotal(CustomerProfile customer, UserFilter filter, ToLongFunction<UUID> holders) {
        if (!filter.isActive()) {
            return customer.activeUsers();
        }
        if (filter.isOneLicenseOnly()) {
            return filter.hasLicense() != null ? holders.applyAsLong(filter.hasLicense())
                    : customer.activeUsers() - holders.applyAsLong(filter.lacksLicense());
        }
        return null;
    }

    private long count(String where, MapSqlParameterSource parameters) {
        Long total = jdbc.queryForObject("select count(*) from customer_user u " + where, parameters, Long.class);
        return total == null ? 0 : total;
    }

    /** The ids of every active user matching the filter, in display-name order. */
    @Transactional(readOnly = true)
    public List<UUID> matchingIds(UUID customerId, UserFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        return jdbc.queryForList("select u.id from customer_user u " + where(customerId, filter, parameters) + " order by "
                + UserSort.DISPLAY_NAME.orderBy(), parameters, UUID.class);
    }

    /**
     * The condition for the customer's active users that match the filter, in the customer_user table aliased
     * {@code u}.
     * <p>
     * The values that decide how the database should find the rows are written into the statement: the customer (a
     * few users or a hundred thousand), the license (held by most of them or by a handful), the role and the domain,
     * and in {@link #rows} the page's limit and offset. The database then plans each such statement once for what it
     * really asks, keeps that plan, and reuses it for every request after, instead of planning each page again (about
     * half a millisecond for the list's statements at 100,000 users). Were they bound as parameters, it would either
     * plan every page anew or keep a plan made for an average customer and an average license, which can be the wrong
     * one for the largest customer. Only the search pattern and the anchor row stay bound: a statement with them is
     * planned the same whatever their value (the search walks the sort index first), and binding them keeps one
     * statement for every search and every "Next".
     */
    private static String where(UUID customerId, UserFilter filter, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder("where u.customer_id = ").append(literal(customerId))
            .append(" and u.deleted_at is null");
        if (filter.search() != null) {
            where.append(" and ").append(UserFilter.SEARCH_CONDITION);
            parameters.addValue("search", filter.searchPattern());
        }
        if (filter.hasLicense() != null) {
            where.append(" and exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id and a.subscription_id = ").append(literal(filter.hasLicense())).append(')');
        }
        if (filter.lacksLicense() != null) {
            where.append(" and not exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id and a.subscription_id = ").append(literal(filter.lacksLicense()))
                .append(')');
        }
        if (filter.unlicensed()) {
            where.append(" and not exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id)");
        }
        if (filter.role() != null) {
            where.append(" and u.admin_roles @> array['").append(filter.role().name()).append("']");
        }
        if (filter.domain() != null) {
            String domain = filter.domain().toLowerCase(Locale.ROOT);
            // Usernames are only ever in the customer's verified domains, which are host names of letters, digits,
            // dots and hyphens (CustomerForm): a domain of any other characters is nobody's.
            where.append(HOST_NAME.matcher(domain).matches()
                    ? " and split_part(lower(u.username), '@', 2) = '" + domain + "'"
                    : " and false");
        }
        return where.toString();
    }

    /** A UUID as an SQL literal: its text is hex digits and hyphens only. */
    private static String literal(UUID id) {
        return "'" + id + "'::uuid";
    }

    private static EnumSet<AdminRole> roles(String[] names) {
        EnumSet<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
        for (String name : names) {
            roles.add(AdminRole.valueOf(name));
        }
        return roles;
    }
}
