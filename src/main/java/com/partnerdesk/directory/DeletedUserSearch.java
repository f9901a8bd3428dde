package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.DeletedUserRow;
import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.RememberedLicense;
import com.partnerdesk.directory.internal.RememberedLicenses;
import com.partnerdesk.directory.internal.UserFilter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Deleted users tab and the dashboard's "restore window ends soon": deleted users, the licenses they held and the
 * time left to restore them.
 */
@Service
public class DeletedUserSearch {

    private final NamedParameterJdbcTemplate jdbc;

    private final RememberedLicenses remembered;

    private final Customers customers;

    private final DirectorySettings settings;

    private final Clock clock;

    DeletedUserSearch(NamedParameterJdbcTemplate jdbc, RememberedLicenses remembered, Customers customers,
            DirectorySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.remembered = remembered;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The customer's deleted users matching {@code search} (display name or username), most recently deleted first. */
    @Transactional(readOnly = true)
    public Page<DeletedUserRow> find(UUID customerId, String search, PageRequest page) {
        Instant now = clock.instant();
        Duration window = settings.restoreWindow();
        MapSqlParameterSource parameters = new MapSqlParameterSource("customerId", customerId);
        StringBuilder where = new StringBuilder("where u.customer_id = :customerId and u.deleted_at is not null");
        UserFilter filter = new UserFilter(search, null, null, false, null, null);
        if (filter.search() != null) {
            where.append(" and ").append(UserFilter.SEARCH_CONDITION);
            parameters.addValue("search", filter.searchPattern());
        }
        Long total = jdbc.queryForObject("select count(*) from customer_user u " + where, parameters, Long.class);
        parameters.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<DeletedUserRow> rows = jdbc.query("""
                select u.id, u.display_name, u.username, u.deleted_at, u.deleted_by
                from customer_user u
                """ + where + " order by u.deleted_at desc, u.id limit :limit offset :offset", parameters,
                (rs, rowNum) -> {
                    Instant deletedAt = rs.getTimestamp("deleted_at").toInstant();
                    Instant until = deletedAt.plus(window);
                    return new DeletedUserRow(rs.getObject("id", UUID.class), rs.getString("display_name"),
                            rs.getString("username"), deletedAt, rs.getString("deleted_by"), List.of(), until,
                            DirectoryUser.daysLeft(until, now));
                });
        Map<UUID, List<RememberedLicense>> licenses = remembered.of(customerId,
                rows.stream().map(DeletedUserRow::id).toList());
        List<DeletedUserRow> withLicenses = rows.stream()
            .map(row -> new DeletedUserRow(row.id(), row.displayName(), row.username(), row.deletedAt(), row.deletedBy(),
                    licenses.getOrDefault(row.id(), List.of()), row.restorableUntil(), row.daysLeft()))
            .toList();
        return new PageImpl<>(withLicenses, page, total == null ? 0 : total);
    }

    /** Per customer, the deleted users that can still be restored but not for longer than {@code within}. */
    @Transactional(readOnly = true)
    public List<RestoreWindowsEnding> windowsEndingWithin(Duration within) {
        Instant now = clock.instant();
        Duration window = settings.restoreWindow();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
            .addValue("expired", Timestamp.from(DirectoryUser.lastExpiredDeletionAt(now, window)))
            .addValue("endingBy", Timestamp.from(now.plus(within).minus(window)));
        List<Ending> ending = jdbc.query("""
                select u.customer_id, count(*) as users, min(u.deleted_at) as first_deleted_at
                from customer_user u
                where u.deleted_at is not null and u.deleted_at > :expired and u.deleted_at <= :endingBy
                group by u.customer_id
                """, parameters, (rs, row) -> new Ending(rs.getObject("customer_id", UUID.class), rs.getLong("users"),
                rs.getTimestamp("first_deleted_at").toInstant().plus(window)));
        // Named by the customer module, in the order of their names: the tie-break after the date.
        Map<UUID, String> names = customers.companyNames(ending.stream().map(Ending::customerId).toList());
        List<UUID> byName = new ArrayList<>(names.keySet());
        return ending.stream()
            .filter(row -> names.containsKey(row.customerId()))
            .sorted(Comparator.comparing(Ending::firstEndsAt).thenComparing(row -> byName.indexOf(row.customerId())))
            .map(row -> new RestoreWindowsEnding(row.customerId(), names.get(row.customerId()), row.users(),
                    row.firstEndsAt(), DirectoryUser.daysLeft(row.firstEndsAt(), now)))
            .toList();
    }

    private record Ending(UUID customerId, long users, Instant firstEndsAt) {
    }
}
