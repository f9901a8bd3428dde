package com.partnerdesk.dashboard.web;

import com.partnerdesk.dashboard.internal.Dashboard;
import com.partnerdesk.dashboard.internal.DashboardFigures;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        DashboardFigures figures = dashboard.figures();
        model.addAttribute("customerCount", figures.customerCount());
        model.addAttribute("userCount", figures.userCount());
        model.addAttribute("productSeats", figures.productSeats());
        model.addAttribute("restoreEndingSoon", figures.restoreEndingSoon());
        return "dashboard/dashboard";
    }
}
