package com.partnerdesk.portal;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.directory.CustomerSignIn;
import com.partnerdesk.directory.SignInOutcome;
import com.partnerdesk.security.BelongsToCustomer;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks a customer user's username and password through the directory; never consulted for staff. */
class CustomerUserAuthentication implements AuthenticationProvider {

    static final String ROLE = "CUSTOMER_USER";

    private final CustomerSignIn signIn;

    CustomerUserAuthentication(CustomerSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        SignInOutcome outcome = signIn.verify(username, password);
        UUID customerId = outcome.customerId().orElse(null);
        return switch (outcome.result()) {
            case ACCEPTED -> authenticated(SignedInCustomerUser.of(outcome.account().orElseThrow()));
            case TEMPORARY_PASSWORD_EXPIRED -> throw new TemporaryPasswordExpired(customerId);
            case REFUSED -> throw new WrongPassword(customerId);
        };
    }

    static Authentication authenticated(SignedInCustomerUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A wrong username or password; names the customer when the username is one of its users, for the audit. */
    static final class WrongPassword extends BadCredentialsException implements BelongsToCustomer {

        private final UUID customerId;

        WrongPassword(UUID customerId) {
            super("Wrong username or password");
            this.customerId = customerId;
        }

        @Override
        public UUID customerId() {
            return customerId;
        }
    }

    /** The right temporary password, used too late: the user needs a reset from an administrator. */
    static final class TemporaryPasswordExpired extends CredentialsExpiredException implements BelongsToCustomer {

        private final UUID customerId;

        TemporaryPasswordExpired(UUID customerId) {
            super("Temporary password expired");
            this.customerId = customerId;
        }

        @Override
        public UUID customerId() {
            return customerId;
        }
    }
}
