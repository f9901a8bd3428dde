package com.partnerdesk.dashboard;

import java.time.Duration;
import java.util.List;

import com.partnerdesk.directory.DeletedUserSearch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    /** How far ahead the dashboard warns about restore windows that end. */
    private static final Duration RESTORE_WINDOW_WARNING = Duration.ofDays(7);

    private final JdbcTemplate jdbc;

    private final DeletedUserSearch deletedUsers;

    DashboardController(JdbcTemplate jdbc, DeletedUserSearch deletedUsers) {
        this.jdbc = jdbc;
        this.deletedUsers = deletedUsers;
    }

    @GetMapping("/")
    @Transactional(readOnly = true)
    String dashboard(Model model) {
        model.addAttribute("customerCount", jdbc.queryForObject("select count(*) from customer", Long.class));
        // The counter the database keeps per customer (V020), so the figure costs nothing at millions of users.
        model.addAttribute("userCount",
                jdbc.queryForObject("select coalesce(sum(active_users), 0) from customer_user_count", Long.class));
        List<ProductSeats> seats = jdbc.query("""
                select p.name, p.sku, sum(s.seats_total), sum(s.seats_assigned), count(*)
                from subscription s join product p on p.sku = s.product_sku
                group by p.name, p.sku order by p.name
                """, (rs, row) -> new ProductSeats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)));
        model.addAttribute("productSeats", seats);
        model.addAttribute("restoreEndingSoon", deletedUsers.windowsEndingWithin(RESTORE_WINDOW_WARNING));
        return "dashboard/dashboard";
    }
}
