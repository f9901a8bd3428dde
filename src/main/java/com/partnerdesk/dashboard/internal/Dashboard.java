package com.partnerdesk.dashboard.internal;

import java.time.Duration;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.DeletedUserSearch;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.licensing.Licensing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The landing page's figures, each asked of the module that owns it, read in one transaction. */
@Service
public class Dashboard {

    /** How far ahead the dashboard warns about restore windows that end. */
    private static final Duration RESTORE_WINDOW_WARNING = Duration.ofDays(7);

    private final Customers customers;

    private final UserDirectory users;

    private final Licensing licensing;

    private final DeletedUserSearch deletedUsers;

    Dashboard(Customers customers, UserDirectory users, Licensing licensing, DeletedUserSearch deletedUsers) {
        this.customers = customers;
        this.users = users;
        this.licensing = licensing;
        this.deletedUsers = deletedUsers;
    }

    @Transactional(readOnly = true)
    public DashboardFigures figures() {
        return new DashboardFigures(customers.count(), users.countActiveInAllCustomers(), licensing.seatsPerProduct(),
                deletedUsers.windowsEndingWithin(RESTORE_WINDOW_WARNING));
    }
}
