package com.partnerdesk.handoff.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.handoff.HandoffNotAvailable;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.PasswordHandoffs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Emails a handoff's list, in the staff member's language, to the addresses typed on the confirmation page. */
@Service
public class HandoffMail {

    public static final int MAX_RECIPIENTS = 10;

    /** Names the staff member who sent the message (the demo mailbox shows each their own). */
    static final String SENT_BY_HEADER = "X-PartnerDesk-Sent-By";

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

    private final PasswordHandoffs handoffs;

    private final JavaMailSender mailSender;

    private final MessageSource messages;

    private final AuditTrail audit;

    private final String from;

    HandoffMail(PasswordHandoffs handoffs, JavaMailSender mailSender, MessageSource messages, AuditTrail audit,
            @Value("${partnerdesk.mail.from:partnerdesk@localhost}") String from) {
        this.handoffs = handoffs;
        this.mailSender = mailSender;
        this.messages = messages;
        this.audit = audit;
        this.from = from;
    }

    /** The addresses in a comma-, semicolon- or space-separated list, or nothing when any of them is malformed. */
    public static List<String> parseRecipients(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<String> addresses = Arrays.stream(typed.split("[,;\\s]+")).filter(a -> !a.isBlank())
            .distinct().toList();
        return addresses.stream().allMatch(a -> a.length() <= 254 && ADDRESS.matcher(a).matches()) ? addresses
                : List.of();
    }

    /**
     * Sends the whole list in one message.
     * @throws HandoffNotAvailable when the handoff cannot be opened any more
     * @throws MailException when the mail server refuses it
     */
    @Transactional
    public void send(UUID customerId, UUID handoffId, String key, String staffUsername, String companyName,
            List<String> recipients, String signInUrl, Locale locale) {
        List<IssuedCredential> credentials = handoffs.contents(customerId, handoffId, key, staffUsername);
        StringBuilder body = new StringBuilder();
        body.append(text("mail.handoff.intro", locale, companyName, credentials.size())).append("\n\n");
        for (IssuedCredential credential : credentials) {
            body.append(text("mail.handoff.displayName", locale)).append(": ").append(credential.displayName())
                .append('\n');
            body.append(text("mail.handoff.username", locale)).append(": ").append(credential.username()).append('\n');
            body.append(text("mail.handoff.password", locale)).append(": ").append(credential.temporaryPassword())
                .append("\n\n");
        }
        body.append(text("mail.handoff.signIn", locale, signInUrl)).append('\n');
        body.append(text("mail.handoff.footer", locale)).append('\n');
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(text("mail.handoff.subject", locale, companyName));
            helper.setText(body.toString(), false);
            message.setHeader(SENT_BY_HEADER, staffUsername);
            mailSender.send(message);
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e.getMessage(), e);
        }
        audit.record(customerId, "handoff.emailed", String.join(",", recipients),
                credentials.size() + " temporary passwords");
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
