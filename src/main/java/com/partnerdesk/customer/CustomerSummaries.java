package com.partnerdesk.customer;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers list: two statements per page (the total and the page with each customer's domains, active users and
 * subscriptions), whatever the page size. The figures are read from the counter the database keeps per customer
 * ({@code customer_user_count}) and from the subscriptions, in SQL rather than through the directory and licensing
 * modules, which depend on this one.
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

    CustomerSummaries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<CustomerSummary> rows = jdbc.query("""
                select c.id, c.company_name,
                       array(select d.domain from customer_domain d where d.customer_id = c.id order by d.position) domains,
                       coalesce(n.active_users, 0) active_users,
                       (select count(*) from subscription s where s.customer_id = c.id) subscriptions
                from customer c left join customer_user_count n on n.customer_id = c.id
                """ + MATCHES + " order by lower(c.company_name), c.id limit :limit offset :offset", parameters,
                (rs, row) -> new CustomerSummary(rs.getObject("id", UUID.class), rs.getString("company_name"),
                        Arrays.asList((String[]) rs.getArray("domains").getArray()), rs.getLong("active_users"),
                        rs.getLong("subscriptions")));
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
}
