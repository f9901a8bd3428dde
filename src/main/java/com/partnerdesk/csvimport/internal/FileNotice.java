package com.partnerdesk.csvimport.internal;

import java.util.List;

/** Something the partner should know about the file as a whole, as a message key with its arguments. */
public record FileNotice(String messageKey, List<Object> arguments) {

    public FileNotice {
        arguments = List.copyOf(arguments);
    }

    public static FileNotice of(String messageKey, Object... arguments) {
        return new FileNotice(messageKey, List.of(arguments));
    }
}
