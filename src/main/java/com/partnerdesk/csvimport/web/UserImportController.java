package com.partnerdesk.csvimport.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.partnerdesk.csvimport.internal.CsvTemplate;
import com.partnerdesk.csvimport.internal.ImportAlreadyRunning;
import com.partnerdesk.csvimport.internal.ImportBatchView;
import com.partnerdesk.csvimport.internal.ImportNotReady;
import com.partnerdesk.csvimport.internal.ImportStatus;
import com.partnerdesk.csvimport.internal.ImportTemplate;
import com.partnerdesk.csvimport.internal.SeatNeed;
import com.partnerdesk.csvimport.internal.StagedRow;
import com.partnerdesk.csvimport.internal.UsageLocationMissing;
import com.partnerdesk.csvimport.internal.UserImports;
import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.NotACountry;
import com.partnerdesk.handoff.HandoffCookies;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.web.Notices;
import com.partnerdesk.web.PageRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and licenses → Add multiple users: upload, preview, create; the temporary passwords then appear on the shared
 * one-time confirmation page. Admin agents only.
 */
@Controller
@AdminAgentOnly
class UserImportController {

    private static final int WARNING_ROWS_SHOWN = 50;

    private final UserImports imports;

    private final Customers customers;

    private final Licensing licensing;

    private final MessageSource messages;

    private final PasswordHandoffs handoffs;

    private final HandoffCookies cookies;

    UserImportController(UserImports imports, Customers customers, Licensing licensing, MessageSource messages,
            PasswordHandoffs handoffs, HandoffCookies cookies) {
        this.imports = imports;
        this.customers = customers;
        this.licensing = licensing;
        this.messages = messages;
        this.handoffs = handoffs;
        this.cookies = cookies;
    }

    @GetMapping("/customers/{customerId}/users/import")
    String uploadPage(@PathVariable UUID customerId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        model.addAttribute("customer", customer);
        model.addAttribute("maxRows", imports.settings().maxRows());
        model.addAttribute("maxMegabytes", imports.settings().maxBytes().toBytes() / (1024.0 * 1024.0));
        model.addAttribute("maxBytes", imports.settings().maxBytes().toBytes());
        model.addAttribute("subscriptions", licensing.subscriptionsOf(customerId));
        model.addAttribute("domains", String.join(", ", customer.domains()));
        model.addAttribute("columns", columns());
        return "csvimport/upload";
    }

    @GetMapping("/customers/{customerId}/users/import/template.csv")
    ResponseEntity<byte[]> template(@PathVariable UUID customerId, Locale locale) {
        customers.require(customerId);
        ImportTemplate template = ImportTemplate.forLocale(locale);
        String header = String.join(String.valueOf(template.delimiter()), template.headers()) + "\r\n";
        String fileName = messages.getMessage("import.template.fileName", null, locale);
        return csv(fileName, ("\uFEFF" + header).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/customers/{customerId}/users/import")
    String upload(@PathVariable UUID customerId, @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) throws IOException {
        customers.require(customerId);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
            Notices.warning(redirect, "import.upload.noFile");
            return "redirect:/customers/{customerId}/users/import";
        }
        try {
            UUID batchId = imports.upload(customerId, staff.id(), staff.username(), file.getOriginalFilename(),
                    file.getInputStream());
            return "redirect:/customers/{customerId}/imports/" + batchId;
        }
        catch (ImportAlreadyRunning running) {
            Notices.warning(redirect, "import.upload.alreadyRunning");
            return "redirect:/customers/{customerId}/users/import";
        }
    }

    @GetMapping("/customers/{customerId}/imports/{batchId}")
    String batch(@PathVariable UUID customerId, @PathVariable UUID batchId,
            @RequestParam(required = false) Integer page, @AuthenticationPrincipal SignedInStaff staff, Locale locale,
            Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        ImportBatchView batch = imports.require(customerId, staff.id(), batchId);
        model.addAttribute("customer", customer);
        model.addAttribute("batch", batch);
        if (batch.status() == ImportStatus.READY) {
            List<SeatNeed> seats = imports.seatNeeds(batch);
            List<SeatNeed> overbooked = seats.stream().filter(seat -> !seat.fits()).toList();
            model.addAttribute("rejected", imports.rejectedRows(batch, PageRequests.of(page, 25)));
            model.addAttribute("warnings", imports.warningRows(batch, WARNING_ROWS_SHOWN));
            model.addAttribute("seats", seats);
            model.addAttribute("overbooked", overbooked);
            long withoutLocation = imports.countWithoutUsageLocation(batch);
            model.addAttribute("withoutUsageLocation", imports.rowsWithoutUsageLocation(batch, WARNING_ROWS_SHOWN));
            model.addAttribute("withoutUsageLocationCount", withoutLocation);
            model.addAttribute("canCreate", batch.validCount() > 0 && overbooked.isEmpty() && withoutLocation == 0);
            model.addAttribute("countries", countries(locale));
        }
        if (batch.status() == ImportStatus.CREATED && batch.handoffId() != null
                && handoffs.availableUntil(customerId, batch.handoffId(), staff.username()).isPresent()) {
            model.addAttribute("handoffPath", HandoffCookies.path(customerId, batch.handoffId()));
        }
        return "csvimport/import";
    }

    /** For the page's progress script; the page itself works without it. */
    @GetMapping("/customers/{customerId}/imports/{batchId}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable UUID customerId, @PathVariable UUID batchId,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, Locale locale) {
        ImportBatchView batch = imports.require(customerId, staff.id(), batchId);
        Map<String, Object> progress = new LinkedHashMap<>(Map.of("status", batch.status().name(), "rowsRead",
                batch.rowsRead(), "rowsCreated", batch.rowsCreated(), "validCount", batch.validCount()));
        // The sentence the page shows above its bar, in the admin's language, so the script never builds text.
        if (batch.isWaiting()) {
            progress.put("text", messages.getMessage("import.progress.waiting", new Object[] { batch.waitingBehind() },
                    locale));
        }
        else if (batch.status() == ImportStatus.READING) {
            progress.put("text", messages.getMessage("import.progress.reading", new Object[] { batch.rowsRead() },
                    locale));
        }
        else if (batch.status() == ImportStatus.CREATING) {
            progress.put("text", messages.getMessage("import.progress.creating",
                    new Object[] { batch.rowsCreated(), batch.validCount() }, locale));
        }
        if (batch.status() == ImportStatus.CREATED && batch.handoffId() != null) {
            progress.put("confirmationUrl",
                    request.getContextPath() + HandoffCookies.path(customerId, batch.handoffId()));
        }
        return progress;
    }

    /**
     * Saves the licenses and default usage location; with {@code create}, also creates the users. Both buttons save,
     * so what the admin sees checked is what is created.
     */
    @PostMapping("/customers/{customerId}/imports/{batchId}")
    String choose(@PathVariable UUID customerId, @PathVariable UUID batchId,
            @RequestParam(name = "license", required = false) List<UUID> licenses,
            @RequestParam(required = false) String usageLocation, @RequestParam(required = false) String create,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        customers.require(customerId);
        try {
            UserImports.Choices choices = imports.saveChoices(customerId, staff.id(), staff.username(), batchId,
                    licenses == null ? List.of() : licenses, usageLocation, create != null);
            if (choices.handoff().isPresent()) {
                // The key reaches this browser with this response: a background creation keeps it in memory only,
                // and when it finishes the confirmation page opens with the cookie the browser already holds.
                OpenedHandoff handoff = choices.handoff().get();
                String confirmation = HandoffCookies.path(customerId, handoff.id());
                cookies.handTo(request, response, handoff, confirmation);
                if (choices.status() == ImportStatus.CREATED) {
                    return "redirect:" + confirmation;
                }
                if (choices.status() != ImportStatus.CREATING) {
                    cookies.forget(request, response, handoff.id(), confirmation);
                }
            }
        }
        catch (ImportNotReady notReady) {
            Notices.warning(redirect, "import.create.notReady");
        }
        catch (ImportAlreadyRunning running) {
            Notices.warning(redirect, "import.upload.alreadyRunning");
        }
        catch (UsageLocationMissing missing) {
            Notices.warning(redirect, "user.usageLocation.requiredForLicenses");
        }
        catch (NotACountry notACountry) {
            Notices.warning(redirect, "user.usageLocation.invalid");
        }
        return "redirect:/customers/{customerId}/imports/{batchId}";
    }

    /**
     * The rejected rows in the uploaded file's language and delimiter, each reason in the Status update column, to
     * fix in Excel and upload again.
     */
    @GetMapping("/customers/{customerId}/imports/{batchId}/rejected.csv")
    void rejectedRows(@PathVariable UUID customerId, @PathVariable UUID batchId,
            @AuthenticationPrincipal SignedInStaff staff, Locale locale, HttpServletResponse response)
            throws IOException {
        customers.require(customerId);
        ImportBatchView batch = imports.require(customerId, staff.id(), batchId);
        ImportTemplate layout = ImportTemplate.forRejectedRows(batch.template(), batch.delimiter());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(messages.getMessage("import.rejected.fileName", null, locale), StandardCharsets.UTF_8)
                .build().toString());
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
             SafeCsvWriter csv = new SafeCsvWriter(out, layout.delimiter())) {
            csv.byteOrderMark();
            csv.row(layout.headers());
            imports.eachRejectedRow(batch, row -> csv.row(List.of(row.firstName(), row.lastName(), row.displayName(),
                    row.email(), reason(row, locale), row.usageLocation(), row.licenses())));
        }
    }

    private String reason(StagedRow row, Locale locale) {
        return String.join(" ", row.errors().stream()
                .map(note -> messages.getMessage(note.column().messageKey(), null, locale) + ": "
                        + messages.getMessage(note.messageKey(), note.argumentArray(), locale))
                .toList());
    }

    private static ResponseEntity<byte[]> csv(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .body(body);
    }

    private static List<Country> countries(Locale locale) {
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, Collator.getInstance(locale)))
                .toList();
    }

    record Country(String code, String name) {
    }

    private static final List<String> COLUMN_RULES = List.of("firstName", "lastName", "displayName", "email",
            "statusUpdate", "usageLocation", "licenses");

    /** The template's columns in both languages, with what goes in each, for the page's table. */
    private static List<ColumnDoc> columns() {
        List<String> english = ImportTemplate.forRejectedRows(null, ",").headers();
        List<String> spanish = ImportTemplate.forRejectedRows(CsvTemplate.PARTNER_CENTER_ES, ";")
                .headers();
        return IntStream.range(0, english.size())
                .mapToObj(i -> new ColumnDoc(english.get(i), spanish.get(i), COLUMN_RULES.get(i)))
                .toList();
    }

    record ColumnDoc(String english, String spanish, String rule) {
    }
}
