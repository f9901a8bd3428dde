package com.partnerdesk.handoff.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.partnerdesk.handoff.IssuedCredential;

/**
 * A handoff as a CSV file that Excel opens correctly: UTF-8 with a byte order mark, every cell quoted, and any cell
 * that a spreadsheet would take for a formula prefixed with an apostrophe.
 */
public final class HandoffCsv {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private HandoffCsv() {
    }

    public static byte[] write(List<String> header, List<IssuedCredential> credentials) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, header);
        for (IssuedCredential credential : credentials) {
            line(csv, List.of(credential.displayName(), credential.username(), credential.temporaryPassword()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String cell(String value) {
        String safe = value == null ? "" : value;
        if (!safe.isEmpty() && FORMULA_TRIGGERS.indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }
}
