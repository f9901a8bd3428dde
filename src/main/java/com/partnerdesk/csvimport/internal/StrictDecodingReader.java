package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Decodes without ever substituting a replacement character. At the first undecodable byte the text simply ends
 * and the reader remembers why: the CSV parser then finishes the rows before that byte, and the caller can name
 * the row where decoding broke instead of the spot some read-ahead buffer happened to reach.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream input;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer decoded = CharBuffer.allocate(BUFFER_SIZE).flip();
    private boolean inputExhausted;
    private boolean ended;
    private boolean stoppedAtUndecodableBytes;
    private char lastCharacterRead;

    StrictDecodingReader(InputStream input, Charset charset) {
        this.input = input;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!decoded.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int count = Math.min(length, decoded.remaining());
        decoded.get(target, offset, count);
        lastCharacterRead = target[offset + count - 1];
        return count;
    }

    /** Whether the text ended early because the bytes could not be decoded with the charset. */
    boolean stoppedAtUndecodableBytes() {
        return stoppedAtUndecodableBytes;
    }

    /** Whether the text handed out so far ends with a line break, so that an undecodable byte begins a new row. */
    boolean lastCharacterReadIsLineBreak() {
        return lastCharacterRead == '\n' || lastCharacterRead == '\r';
    }

    @Override
    public void close() throws IOException {
        input.close();
    }

    private boolean decodeMore() throws IOException {
        decoded.clear();
        while (decoded.position() == 0 && !ended) {
            CoderResult result = decoder.decode(bytes, decoded, inputExhausted);
            if (result.isError()) {
                stoppedAtUndecodableBytes = true;
                ended = true;
            } else if (result.isUnderflow()) {
                if (inputExhausted) {
                    decoder.flush(decoded);
                    ended = true;
                } else {
                    readMoreBytes();
                }
            }
        }
        decoded.flip();
        return decoded.hasRemaining();
    }

    private void readMoreBytes() throws IOException {
        bytes.compact();
        int count = input.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            inputExhausted = true;
        } else {
            bytes.position(bytes.position() + count);
        }
        bytes.flip();
    }
}
