package com.partnerdesk.csvimport.internal;

import java.util.List;
import java.util.Locale;

/**
 * The template partners download: Partner Center's five columns in the portal's language, with the delimiter Excel
 * uses for "CSV" in that language (a comma in English, a semicolon in Spain), so that it opens in columns.
 */
public record ImportTemplate(List<String> headers, char delimiter) {

    private static final ImportTemplate ENGLISH = of(TemplateProfile.PARTNER_CENTER_EN, ',');

    private static final ImportTemplate SPANISH = of(TemplateProfile.PARTNER_CENTER_ES, ';');

    public static ImportTemplate forLocale(Locale locale) {
        return "es".equals(locale.getLanguage()) ? SPANISH : ENGLISH;
    }

    /** The layout rejected rows are written back in: the uploaded file's language and delimiter. */
    public static ImportTemplate forRejectedRows(CsvTemplate uploaded, String delimiter) {
        ImportTemplate base = uploaded == CsvTemplate.PARTNER_CENTER_ES ? SPANISH : ENGLISH;
        char uploadedDelimiter = delimiter == null || delimiter.isEmpty() ? base.delimiter : delimiter.charAt(0);
        List<String> withOptional = of(
                uploaded == CsvTemplate.PARTNER_CENTER_ES ? TemplateProfile.PARTNER_CENTER_ES
                        : TemplateProfile.PARTNER_CENTER_EN, uploadedDelimiter, true).headers;
        return new ImportTemplate(withOptional, uploadedDelimiter);
    }

    private static ImportTemplate of(TemplateProfile profile, char delimiter) {
        return of(profile, delimiter, false);
    }

    /** Columns in the profile's order: the five of Partner Center, then Usage location and Licenses if wanted. */
    private static ImportTemplate of(TemplateProfile profile, char delimiter, boolean withOptionalColumns) {
        List<String> headers = profile.columns().stream()
                .filter(column -> withOptionalColumns
                        || column.role() != ColumnRole.USAGE_LOCATION && column.role() != ColumnRole.LICENSES)
                .map(TemplateColumn::header)
                .toList();
        return new ImportTemplate(headers, delimiter);
    }
}
