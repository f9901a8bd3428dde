package com.partnerdesk.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the in-process SMTP server received, in memory only. Each staff member sees the messages that they sent.
 */
public class DemoMailbox implements AutoCloseable {

    /** The header that names the staff member who sent a message, so the demo mailbox shows each their own. */
    public static final String SENT_BY_HEADER = "X-PartnerDesk-Sent-By";

    private final GreenMail server;

    public DemoMailbox(GreenMail server) {
        this.server = server;
    }

    /** Messages sent by that staff member, newest first. */
    public List<DemoMessage> sentBy(String staffUsername) {
        List<DemoMessage> messages = new ArrayList<>();
        MimeMessage[] received = server.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            try {
                MimeMessage message = received[i];
                String[] sender = message.getHeader(SENT_BY_HEADER);
                if (sender == null || !Arrays.asList(sender).contains(staffUsername)) {
                    continue;
                }
                messages.add(new DemoMessage(String.valueOf(i), message.getReceivedDate() == null ? null
                        : message.getReceivedDate().toInstant(), addresses(message.getFrom()).stream().findFirst()
                            .orElse(""), addresses(message.getAllRecipients()), message.getSubject(),
                        String.valueOf(message.getContent())));
            }
            catch (MessagingException | IOException unreadable) {
                // A message the server could not parse is not shown; the demo has nothing better to offer.
            }
        }
        messages.sort(Comparator.comparing(DemoMessage::id, Comparator.comparingInt(Integer::parseInt)).reversed());
        return messages;
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    /** Stops the in-process server with the application context. */
    @Override
    public void close() {
        server.stop();
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
