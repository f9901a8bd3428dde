package com.partnerdesk.csvimport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Notes and message arguments as stored in jsonb columns: plain maps and lists, so the schema owns the shape. */
final class NotesJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private NotesJson() {
    }

    static String notes(List<ImportNote> notes) {
        List<Map<String, Object>> plain = new ArrayList<>(notes.size());
        for (ImportNote note : notes) {
            plain.add(Map.of("severity", note.severity().name(), "column", note.column().name(), "key",
                    note.messageKey(), "args", note.arguments()));
        }
        return JSON.writeValueAsString(plain);
    }

    @SuppressWarnings("unchecked")
    static List<ImportNote> notes(String json) {
        List<Map<String, Object>> plain = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        List<ImportNote> notes = new ArrayList<>(plain.size());
        for (Map<String, Object> note : plain) {
            notes.add(new ImportNote(RowNotice.Severity.valueOf((String) note.get("severity")),
                    ImportColumn.valueOf((String) note.get("column")), (String) note.get("key"),
                    (List<Object>) note.get("args")));
        }
        return notes;
    }

    static String fileNotices(List<FileNotice> notices) {
        List<Map<String, Object>> plain = new ArrayList<>();
        for (FileNotice notice : notices) {
            plain.add(Map.of("key", notice.messageKey(), "args", notice.arguments()));
        }
        return JSON.writeValueAsString(plain);
    }

    @SuppressWarnings("unchecked")
    static List<FileNotice> fileNotices(String json) {
        List<Map<String, Object>> plain = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        return plain.stream()
                .map(notice -> new FileNotice((String) notice.get("key"), (List<Object>) notice.get("args")))
                .toList();
    }

    static String arguments(List<Object> arguments) {
        return JSON.writeValueAsString(arguments);
    }

    static List<Object> arguments(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Object>>() { });
    }
}
