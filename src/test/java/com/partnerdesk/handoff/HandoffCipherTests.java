package com.partnerdesk.handoff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.handoff.internal.HandoffCipher;
import com.partnerdesk.handoff.internal.HandoffCsv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealed list opens only with its own key and row; the CSV is safe to open in a spreadsheet. */
class HandoffCipherTests {

    private final List<IssuedCredential> credentials = List.of(new IssuedCredential("Zoë Ünïcode 😀", "zoe@c.example",
            "Abc#2345defGHJKm"), new IssuedCredential("=HYPERLINK(\"x\")", "ada@c.example", "Xyz$6789pqrSTUVw"));

    @Test
    void aSealedListOpensOnlyWithItsKeyAndForItsOwnHandoff() {
        UUID id = UUID.randomUUID();
        String key = HandoffCipher.newKey();
        byte[] sealed = HandoffCipher.seal(key, id, credentials);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Abc#2345defGHJKm", "zoe@c.example");
        assertThat(HandoffCipher.open(key, id, sealed)).contains(credentials);
        assertThat(HandoffCipher.open(HandoffCipher.newKey(), id, sealed)).isEmpty();
        assertThat(HandoffCipher.open(key, UUID.randomUUID(), sealed)).isEmpty();
        assertThat(HandoffCipher.open("not-a-key", id, sealed)).isEmpty();
        sealed[sealed.length - 1] ^= 1;
        assertThat(HandoffCipher.open(key, id, sealed)).isEmpty();
    }

    @Test
    void theCsvHasAByteOrderMarkQuotesEveryCellAndDisarmsFormulas() {
        String csv = new String(HandoffCsv.write(List.of("Display name", "Username", "Temporary password"), credentials),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"Display name\",\"Username\",\"Temporary password\"\r\n");
        assertThat(csv).contains("\"Zoë Ünïcode 😀\",\"zoe@c.example\",\"Abc#2345defGHJKm\"\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",\"ada@c.example\"");
        for (String trigger : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(HandoffCsv.cell(trigger + "1")).isEqualTo("\"'" + trigger + "1\"");
        }
    }

    @Test
    void neitherCredentialsNorHandoffsPrintTheirSecrets() {
        assertThat(credentials.get(0).toString()).doesNotContain("Abc#2345defGHJKm");
        assertThat(new OpenedHandoff(UUID.randomUUID(), UUID.randomUUID(), "secret-key").toString())
            .doesNotContain("secret-key");
    }
}
