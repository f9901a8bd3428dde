package com.partnerdesk.mail;

import java.time.Instant;
import java.util.List;

/** A message the demo SMTP server received. */
public record DemoMessage(String id, Instant receivedAt, String from, List<String> to, String subject, String body) {

    public DemoMessage {
        to = List.copyOf(to);
    }
}
