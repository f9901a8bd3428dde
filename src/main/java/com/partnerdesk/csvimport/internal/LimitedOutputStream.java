package com.partnerdesk.csvimport.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stops writing after a number of bytes and silently drops the rest. */
final class LimitedOutputStream extends FilterOutputStream {

    private long remaining;

    LimitedOutputStream(OutputStream out, long limit) {
        super(out);
        this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (remaining > 0) {
            out.write(b);
            remaining--;
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int allowed = (int) Math.min(length, remaining);
        if (allowed > 0) {
            out.write(bytes, offset, allowed);
            remaining -= allowed;
        }
    }
}
