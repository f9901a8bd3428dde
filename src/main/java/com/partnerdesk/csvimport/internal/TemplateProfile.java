package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ColumnRole.BLOCK_SIGN_IN;
import static com.partnerdesk.csvimport.internal.ColumnRole.DISPLAY_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.EMAIL;
import static com.partnerdesk.csvimport.internal.ColumnRole.FIRST_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.LAST_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.LICENSES;
import static com.partnerdesk.csvimport.internal.ColumnRole.PASSWORD;
import static com.partnerdesk.csvimport.internal.ColumnRole.STATUS_UPDATE;
import static com.partnerdesk.csvimport.internal.ColumnRole.USAGE_LOCATION;
import static com.partnerdesk.csvimport.internal.TemplateColumn.ignored;
import static com.partnerdesk.csvimport.internal.TemplateColumn.optional;
import static com.partnerdesk.csvimport.internal.TemplateColumn.required;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toMap;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The header row of one template: which column means what, which are ignored. Headers are the vendors' own,
 * copied from their templates.
 */
public record TemplateProfile(CsvTemplate template, List<TemplateColumn> columns) {

    static final TemplateProfile PARTNER_CENTER_EN = new TemplateProfile(CsvTemplate.PARTNER_CENTER_EN, List.of(
            optional("First name", FIRST_NAME),
            optional("Last name", LAST_NAME),
            required("Display name", DISPLAY_NAME),
            required("Email", EMAIL),
            optional("Status update", STATUS_UPDATE),
            optional("Usage location", USAGE_LOCATION),
            optional("Licenses", LICENSES)));

    static final TemplateProfile PARTNER_CENTER_ES = new TemplateProfile(CsvTemplate.PARTNER_CENTER_ES, List.of(
            optional("Nombre", FIRST_NAME),
            optional("Apellidos", LAST_NAME),
            required("Nombre para mostrar", DISPLAY_NAME),
            required("Correo electrónico", EMAIL),
            optional("Actualización de estado", STATUS_UPDATE),
            optional("Ubicación de uso", USAGE_LOCATION),
            optional("Licencias", LICENSES)));

    public static final TemplateProfile MICROSOFT_365_ADMIN_CENTER = new TemplateProfile(
            CsvTemplate.MICROSOFT_365_ADMIN_CENTER, List.of(
            required("User Name", EMAIL),
            optional("First Name", FIRST_NAME),
            optional("Last Name", LAST_NAME),
            required("Display Name", DISPLAY_NAME),
            ignored("Job Title"),
            ignored("Department"),
            ignored("Office Number"),
            ignored("Office Phone"),
            ignored("Mobile Phone"),
            ignored("Fax"),
            ignored("Alternate email address"),
            ignored("Address"),
            ignored("City"),
            ignored("State or Province"),
            ignored("ZIP or Postal Code"),
            ignored("Country or Region")));

    public static final TemplateProfile ENTRA_BULK_CREATE = new TemplateProfile(CsvTemplate.ENTRA_BULK_CREATE, List.of(
            required("Name [displayName] Required", DISPLAY_NAME),
            required("User name [userPrincipalName] Required", EMAIL),
            optional("Initial password [passwordProfile] Required", PASSWORD),
            optional("Block sign in (Yes/No) [accountEnabled] Required", BLOCK_SIGN_IN),
            optional("First name [givenName]", FIRST_NAME),
            optional("Last name [surname]", LAST_NAME),
            ignored("Job title [jobTitle]"),
            ignored("Department [department]"),
            optional("Usage location [usageLocation]", USAGE_LOCATION),
            ignored("Street address [streetAddress]"),
            ignored("State or province [state]"),
            ignored("Country or region [country]"),
            ignored("Office [physicalDeliveryOfficeName]"),
            ignored("City [city]"),
            ignored("ZIP or postal code [postalCode]"),
            ignored("Office phone [telephoneNumber]"),
            ignored("Mobile phone [mobile]")));

    /** Google has no display name column; both name columns are needed to build one. */
    public static final TemplateProfile GOOGLE_WORKSPACE = new TemplateProfile(CsvTemplate.GOOGLE_WORKSPACE, List.of(
            required("First Name [Required]", FIRST_NAME),
            required("Last Name [Required]", LAST_NAME),
            required("Email Address [Required]", EMAIL),
            optional("Password [Required]", PASSWORD),
            optional("Password Hash Function [UPLOAD ONLY]", PASSWORD),
            ignored("Org Unit Path [Required]"),
            ignored("New Primary Email [UPLOAD ONLY]"),
            ignored("Recovery Email"),
            ignored("Home Secondary Email"),
            ignored("Work Secondary Email"),
            ignored("Recovery Phone [MUST BE IN THE E.164 FORMAT]"),
            ignored("Work Phone"),
            ignored("Home Phone"),
            ignored("Mobile Phone"),
            ignored("Work Address"),
            ignored("Home Address"),
            ignored("Employee ID"),
            ignored("Employee Type"),
            ignored("Employee Title"),
            ignored("Manager Email"),
            ignored("Department"),
            ignored("Cost Center"),
            ignored("Building ID"),
            ignored("Floor Name"),
            ignored("Floor Section"),
            ignored("Change Password at Next Sign-In"),
            ignored("New Status [UPLOAD ONLY]"),
            ignored("New Licenses [UPLOAD ONLY]"),
            ignored("Advanced Protection Program enrollment")));

    /** In the order a header is tried against them: PartnerDesk's own template first. */
    static final List<TemplateProfile> ALL = List.of(
            PARTNER_CENTER_EN, PARTNER_CENTER_ES, MICROSOFT_365_ADMIN_CENTER, ENTRA_BULK_CREATE, GOOGLE_WORKSPACE);

    public TemplateProfile {
        columns = List.copyOf(columns);
    }

    Map<String, TemplateColumn> columnsByKey() {
        return columns.stream().collect(toMap(TemplateColumn::key, Function.identity()));
    }

    boolean hasDisplayNameColumn() {
        return columns.stream().anyMatch(column -> column.role() == DISPLAY_NAME);
    }

    /** The headers PartnerDesk reads from this template, for messages that say what a file should have. */
    String expectedHeaders() {
        return quotedList(columns.stream()
                .filter(column -> column.required() || !column.role().isIgnored() && column.role() != STATUS_UPDATE)
                .map(TemplateColumn::header)
                .toList());
    }

    public static String quotedList(List<String> headers) {
        return headers.stream().map(header -> "\"" + header + "\"").collect(joining(", "));
    }
}
