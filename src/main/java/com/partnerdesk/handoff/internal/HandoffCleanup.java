package com.partnerdesk.handoff.internal;

import java.time.Clock;

import com.partnerdesk.handoff.PasswordHandoffs;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired handoffs, on one instance at a time. */
@Component
class HandoffCleanup {

    private final PasswordHandoffs handoffs;

    private final Clock clock;

    HandoffCleanup(PasswordHandoffs handoffs, Clock clock) {
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${partnerdesk.handoff.cleanup-interval:1m}")
    @SchedulerLock(name = "handoff-cleanup", lockAtMostFor = "PT5M")
    void deleteExpired() {
        handoffs.deleteExpired(clock.instant());
    }
}
