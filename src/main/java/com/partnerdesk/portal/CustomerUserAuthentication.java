package com.partnerdesk.portal;

import java.util.List;

import com.partnerdesk.directory.CustomerSignIn;
import com.partnerdesk.directory.SignInOutcome;

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
        return switch (outcome.result()) {
            case ACCEPTED -> authenticated(SignedInCustomerUser.of(outcome.account().orElseThrow()));
            case TEMPORARY_PASSWORD_EXPIRED -> throw new CredentialsExpiredException("Temporary password expired");
            case REFUSED -> throw new BadCredentialsException("Wrong username or password");
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
}
