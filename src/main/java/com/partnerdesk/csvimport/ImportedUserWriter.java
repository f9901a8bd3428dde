package com.partnerdesk.csvimport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.licensing.Licensing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one chunk of imported users and their licenses inside the import's transaction: one set-based insert per
 * chunk, then each subscription through the licensing seat guard. This is the only place the importer writes users.
 */
@Component
class ImportedUserWriter {

    private final JdbcTemplate jdbc;

    private final Licensing licensing;

    ImportedUserWriter(JdbcTemplate jdbc, Licensing licensing) {
        this.jdbc = jdbc;
        this.licensing = licensing;
    }

    /**
     * @param users       the chunk, with their passwords already hashed
     * @param forEveryone subscriptions chosen on the preview page for the whole file
     * @throws com.partnerdesk.licensing.SeatsExhausted when a subscription runs out; the transaction must roll back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(UUID customerId, List<NewImportedUser> users, Set<UUID> forEveryone, Instant now,
            Instant passwordExpiresAt) {
        int size = users.size();
        UUID[] ids = new UUID[size];
        String[] firstNames = new String[size];
        String[] lastNames = new String[size];
        String[] displayNames = new String[size];
        String[] usernames = new String[size];
        String[] usageLocations = new String[size];
        String[] passwordHashes = new String[size];
        Map<UUID, List<UUID>> usersBySubscription = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            NewImportedUser user = users.get(i);
            ids[i] = user.id();
            firstNames[i] = emptyToNull(user.firstName());
            lastNames[i] = emptyToNull(user.lastName());
            displayNames[i] = user.displayName();
            usernames[i] = user.username();
            usageLocations[i] = emptyToNull(user.usageLocation());
            passwordHashes[i] = user.passwordHash();
            Set<UUID> subscriptions = new LinkedHashSet<>(forEveryone);
            subscriptions.addAll(user.subscriptionIds());
            for (UUID subscription : subscriptions) {
                usersBySubscription.computeIfAbsent(subscription, any -> new ArrayList<>()).add(user.id());
            }
        }
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, password_hash, password_temporary, password_expires_at,
                                           created_at, updated_at)
                select ?, u.id, u.first_name, u.last_name, u.display_name, u.username, u.usage_location,
                       u.password_hash, true, ?, ?, ?
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as u(id, first_name, last_name, display_name, username, usage_location, password_hash)
                """, customerId, Timestamp.from(passwordExpiresAt), Timestamp.from(now), Timestamp.from(now), ids,
                firstNames, lastNames, displayNames, usernames, usageLocations, passwordHashes);
        usersBySubscription.forEach((subscription, userIds) -> licensing.assign(customerId, subscription, userIds));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    record NewImportedUser(UUID id, String firstName, String lastName, String displayName, String username,
            String usageLocation, String passwordHash, List<UUID> subscriptionIds) {
    }
}
