package com.partnerdesk.dashboard;

import java.util.List;

import com.partnerdesk.directory.RestoreWindowsEnding;
import com.partnerdesk.licensing.ProductSeats;

/** What the landing page shows: customers, users and seats at a glance, and restore windows ending soon. */
record DashboardFigures(long customerCount, long userCount, List<ProductSeats> productSeats,
        List<RestoreWindowsEnding> restoreEndingSoon) {
}
