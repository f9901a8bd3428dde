package com.partnerdesk.dashboard.internal;

import java.util.List;

import com.partnerdesk.directory.RestoreWindowsEnding;
import com.partnerdesk.licensing.ProductSeats;

/** What the landing page shows: customers, users and seats at a glance, and restore windows ending soon. */
public record DashboardFigures(long customerCount, long userCount, List<ProductSeats> productSeats,
        List<RestoreWindowsEnding> restoreEndingSoon) {
}
