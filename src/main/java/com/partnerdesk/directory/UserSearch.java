package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.licensing.HeldLicense;
import com.partnerdesk.licensing.Licensing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Users and licenses list: three statements per page whatever its size or number (the total, the page, the page's
 * licenses). Built to stay fast at 100,000 users per customer (docs/decisions/0003-users-list-paging.md):
 * <ul>
 * <li>the unfiltered total comes from {@code customer_user_count}, which the database keeps, instead of a count;
 * so do the totals of "has license X" and "has no license X", from the subscription's seat counter;</li>
 * <li>the page is found by an index-only scan over ids, then only its rows are read;</li>
 * <li>pages past the middle are read from the other end, so no page skips more than half the list;</li>
 * <li>a page number past the end shows the last page.</li>
 * </ul>
 */
@Service
public class UserSearch {

    private final NamedParameterJdbcTemplate jdbc;

    private final Licensing licensing;

    UserSearch(NamedParameterJdbcTemplate jdbc, Licensing licensing) {
        this.jdbc = jdbc;
        this.licensing = licensing;
    }

    /**
     * One page of the customer's active users that match the filter.
     * @param page the requested page; a number past the last page gives the last page
     */
    @Transactional(readOnly = true)
    public Page<UserListRow> find(UUID customerId, UserFilter filter, UserSort sort, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("customerId", customerId);
        String where = where(filter, parameters);
        long total = total(customerId, filter, where, parameters);
        int size = page.getPageSize();
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / size);
        PageRequest shown = PageRequest.of(Math.min(page.getPageNumber(), lastPage), size);
        long offset = shown.getOffset();
        boolean fromTheEnd = offset > total / 2;
        UserSort scan = fromTheEnd ? sort.reversed() : sort;
        long rowsOnPage = Math.max(0, Math.min(size, total - offset));
        parameters.addValue("limit", fromTheEnd ? rowsOnPage : size)
            .addValue("offset", fromTheEnd ? Math.max(0, total - offset - rowsOnPage) : offset);
        List<UserListRow> rows = jdbc.query("""
                with page as (select u.id from customer_user u %s order by %s limit :limit offset :offset)
                select u.id, u.display_name, u.username, u.admin_roles, u.password_temporary, u.created_at
                from page join customer_user u on u.customer_id = :customerId and u.id = page.id
                order by %s
                """.formatted(where, scan.orderBy(), sort.orderBy()), parameters,
                (rs, rowNum) -> new UserListRow(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        rs.getString("username"), roles((String[]) rs.getArray("admin_roles").getArray()), List.of(),
                        rs.getBoolean("password_temporary"), rs.getTimestamp("created_at").toInstant()));
        Map<UUID, List<HeldLicense>> licenses = licensing.licensesOf(customerId,
                rows.stream().map(UserListRow::id).toList());
        List<UserListRow> withLicenses = new ArrayList<>(rows.size());
        for (UserListRow row : rows) {
            withLicenses.add(new UserListRow(row.id(), row.displayName(), row.username(), row.adminRoles(),
                    licenses.getOrDefault(row.id(), List.of()), row.passwordTemporary(), row.createdAt()));
        }
        return new PageImpl<>(withLicenses, shown, total);
    }

    /** How many active users the customer has, from the counter the database keeps (migration V020). */
    @Transactional(readOnly = true)
    public long activeUsers(UUID customerId) {
        List<Long> counted = jdbc.queryForList(
                "select active_users from customer_user_count where customer_id = :customerId",
                new MapSqlParameterSource("customerId", customerId), Long.class);
        return counted.isEmpty() ? 0 : counted.get(0);
    }

    private long total(UUID customerId, UserFilter filter, String where, MapSqlParameterSource parameters) {
        if (!filter.isActive()) {
            return activeUsers(customerId);
        }
        if (filter.isOneLicenseOnly()) {
            return filter.hasLicense() != null ? licensing.holdersOf(customerId, filter.hasLicense())
                    : activeUsers(customerId) - licensing.holdersOf(customerId, filter.lacksLicense());
        }
        return count(where, parameters);
    }

    private long count(String where, MapSqlParameterSource parameters) {
        Long total = jdbc.queryForObject("select count(*) from customer_user u " + where, parameters, Long.class);
        return total == null ? 0 : total;
    }

    /** The ids of every active user matching the filter, in display-name order. */
    @Transactional(readOnly = true)
    public List<UUID> matchingIds(UUID customerId, UserFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("customerId", customerId);
        return jdbc.queryForList("select u.id from customer_user u " + where(filter, parameters) + " order by "
                + UserSort.DISPLAY_NAME.orderBy(), parameters, UUID.class);
    }

    private static String where(UserFilter filter, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder("where u.customer_id = :customerId and u.deleted_at is null");
        if (filter.search() != null) {
            where.append(" and (lower(u.display_name) like :search or lower(u.username) like :search)");
            parameters.addValue("search", "%" + escapeLike(filter.search().toLowerCase()) + "%");
        }
        if (filter.hasLicense() != null) {
            where.append(" and exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id and a.subscription_id = :hasLicense)");
            parameters.addValue("hasLicense", filter.hasLicense());
        }
        if (filter.lacksLicense() != null) {
            where.append(" and not exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id and a.subscription_id = :lacksLicense)");
            parameters.addValue("lacksLicense", filter.lacksLicense());
        }
        if (filter.unlicensed()) {
            where.append(" and not exists (select 1 from license_assignment a where a.customer_id = u.customer_id"
                    + " and a.user_id = u.id)");
        }
        if (filter.role() != null) {
            where.append(" and u.admin_roles @> array[cast(:role as text)]");
            parameters.addValue("role", filter.role().name());
        }
        if (filter.domain() != null) {
            where.append(" and lower(u.username) like :domain");
            parameters.addValue("domain", "%@" + escapeLike(filter.domain().toLowerCase()));
        }
        return where.toString();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static EnumSet<AdminRole> roles(String[] names) {
        EnumSet<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
        for (String name : names) {
            roles.add(AdminRole.valueOf(name));
        }
        return roles;
    }
}
