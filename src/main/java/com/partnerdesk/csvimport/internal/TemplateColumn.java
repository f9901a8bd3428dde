package com.partnerdesk.csvimport.internal;

/** A header a template writes, what it means to PartnerDesk, and whether a file of that template must have it. */
public record TemplateColumn(String header, ColumnRole role, boolean required) {

    static TemplateColumn required(String header, ColumnRole role) {
        return new TemplateColumn(header, role, true);
    }

    static TemplateColumn optional(String header, ColumnRole role) {
        return new TemplateColumn(header, role, false);
    }

    static TemplateColumn ignored(String header) {
        return new TemplateColumn(header, ColumnRole.IGNORED, false);
    }

    String key() {
        return FieldText.headerKey(header);
    }
}
