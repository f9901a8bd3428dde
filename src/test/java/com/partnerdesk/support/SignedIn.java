package com.partnerdesk.support;

import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;

/** A staff member stored with {@link TestData#staff} and signed in as such, for MockMvc's {@code user(...)}. */
public final class SignedIn {

    private SignedIn() {
    }

    public static SignedInStaff staff(TestData data, String role) {
        String username = data.staff(role);
        return new SignedInStaff(data.staffId(username), username, "Test " + username, username + "@partner.example",
                StaffRole.valueOf(role), 0);
    }
}
