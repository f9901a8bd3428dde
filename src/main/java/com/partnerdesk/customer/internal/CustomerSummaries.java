package com.partnerdesk.customer.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.customer.CustomerSubscriptionCounts;
import com.partnerdesk.customer.CustomerUserCounts;
import com.partnerdesk.customer.Customers;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers list: four statements per page (the total, the page with each customer's domains, then the active
 * users and the subscriptions of the page's customers), whatever the page size, an empty page too. The two figures come from the
 * directory and licensing modules, which depend on this one, through the interfaces they implement.
 */
@Service
public class CustomerSummaries {

    /** Longer search strings are cut, like the users list's. */
    public static final int MAX_QUERY_LENGTH = 100;

    private static final String MATCHES = """
            where (cast(:query as text) is null
                   or lower(c.company_name) like :query
                   or exists (select 1 from customer_domain d where d.customer_id = c.id and d.domain like :query))
            """;

    private final NamedParameterJdbcTemplate jdbc;

    private final CustomerUserCounts userCounts;

    private final CustomerSubscriptionCounts subscriptionCounts;

    CustomerSummaries(NamedParameterJdbcTemplate jdbc, CustomerUserCounts userCounts,
            CustomerSubscriptionCounts subscriptionCounts) {
        this.jdbc = jdbc;
        this.userCounts = userCounts;
        this.subscriptionCounts = subscriptionCounts;
    }

    /**
     * Customers whose name or one of whose domains contains {@code query} (all when it is blank), by name.
     * @param page a page number past the end gives the last page
     */
    @Transactional(readOnly = true)
    public Page<CustomerSummary> search(String query, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("query", pattern(query));
        Long counted = jdbc.queryForObject("select count(*) from customer c " + MATCHES, parameters, Long.class);
        long total = counted == null ? 0 : counted;
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / page.getPageSize());
        PageRequest shown = PageRequest.of(Math.min(page.getPageNumber(), lastPage), page.getPageSize());
        parameters.addValue("limit", shown.getPageSize()).addValue("offset", shown.getOffset());
        List<Named> named = jdbc.query("""
                select c.id, c.company_name,
                       array(select d.domain from customer_domain d where d.customer_id = c.id order by d.position) domains
                from customer c
                """ + MATCHES + " order by lower(c.company_name), c.id limit :limit offset :offset", parameters,
                (rs, row) -> new Named(rs.getObject("id", UUID.class), rs.getString("company_name"),
                        Arrays.asList((String[]) rs.getArray("domains").getArray())));
        List<UUID> ids = named.stream().map(Named::id).toList();
        Map<UUID, Long> users = userCounts.activeUsers(ids);
        Map<UUID, Long> subscriptions = subscriptionCounts.subscriptions(ids);
        List<CustomerSummary> rows = named.stream()
            .map(customer -> new CustomerSummary(customer.id(), customer.companyName(), customer.domains(),
                    users.getOrDefault(customer.id(), 0L), subscriptions.getOrDefault(customer.id(), 0L)))
            .toList();
        return new PageImpl<>(rows, shown, total);
    }

    private static String pattern(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String cut = query.strip().toLowerCase();
        cut = cut.length() > MAX_QUERY_LENGTH ? cut.substring(0, MAX_QUERY_LENGTH) : cut;
        return "%" + cut.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record Named(UUID id, String companyName, List<String> domains) {
    }
}
