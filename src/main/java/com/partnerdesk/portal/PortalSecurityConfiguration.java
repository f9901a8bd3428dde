package com.partnerdesk.portal;

import java.time.Clock;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.CustomerSignIn;
import com.partnerdesk.security.PasswordChecks;
import com.partnerdesk.security.ResponseHeaders;
import com.partnerdesk.security.SessionSignOut;
import com.partnerdesk.security.SessionlessVisitors;
import com.partnerdesk.security.SignInAccounts;
import com.partnerdesk.security.SignInDoor;
import com.partnerdesk.security.SignInProblem;
import com.partnerdesk.security.SignInRefusals;
import com.partnerdesk.security.SignInThrottle;
import com.partnerdesk.security.ThrottledAuthenticationProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The security of the customer users' pages, ahead of the staff chain. Customer users are kept in a security context
 * of their own in the session: the staff chain never sees them (so partner pages send them to the staff sign-in), and
 * this chain never sees staff (so /my pages send staff to the customer sign-in). Their sign-in is throttled and
 * audited like the staff's, at a door of its own ({@link SignInDoor#CUSTOMER_USERS}).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTEXT_ATTRIBUTE = "PARTNERDESK_CUSTOMER_USER_CONTEXT";

    @Bean
    HttpSessionSecurityContextRepository customerUserContextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        return repository;
    }

    @Bean
    @Order(50)
    SecurityFilterChain customerUserSecurity(HttpSecurity http, CustomerSignIn signIn, PasswordChecks passwordChecks,
            SignInThrottle throttle, AuditTrail audit, SignInRefusals refusals, Clock clock,
            HttpSessionSecurityContextRepository customerUserContextRepository, SessionlessVisitors visitors)
            throws Exception {
        http.securityMatcher("/my/**")
            .csrf(csrf -> csrf.csrfTokenRepository(visitors.csrfTokens()))
            // A customer user always lands on My account, so the page asked for is never kept.
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/my/sign-in").permitAll()
                .anyRequest().hasRole(CustomerUserAuthentication.ROLE))
            .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(SignInDoor.CUSTOMER_USERS,
                    new CustomerUserAuthentication(signIn), passwordChecks, customerUsers(signIn), throttle, audit,
                    refusals, clock)))
            .securityContext(context -> context.securityContextRepository(customerUserContextRepository))
            .formLogin(form -> form.loginPage("/my/sign-in")
                .loginProcessingUrl("/my/sign-in")
                .defaultSuccessUrl("/my/account", true)
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + "/my/sign-in" + (exception instanceof CredentialsExpiredException ? "?expired"
                                : SignInProblem.query(exception))))
                .permitAll())
            .logout(logout -> logout.disable())
            .addFilter(signOut(customerUserContextRepository, visitors))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(ResponseHeaders::protect);
        return http.build();
    }

    /** A customer user's username names an account when it is one active user's, found without any password. */
    static SignInAccounts customerUsers(CustomerSignIn signIn) {
        return username -> signIn.customerOf(username).map(SignInAccounts.Account::ofCustomer);
    }

    /**
     * Signing out at /my ends only the customer user's sign-in (see {@link SessionSignOut}). Spring Security's own
     * sign-out would clear the security context under its default key, which is the staff's, so this chain builds
     * its sign-out from handlers that know its own context.
     */
    private static LogoutFilter signOut(HttpSessionSecurityContextRepository customerUserContextRepository,
            SessionlessVisitors visitors) {
        SecurityContextLogoutHandler clearContext = new SecurityContextLogoutHandler();
        clearContext.setInvalidateHttpSession(false);
        clearContext.setSecurityContextRepository(customerUserContextRepository);
        LogoutFilter signOut = new LogoutFilter("/my/sign-in?signedOut",
                new CsrfLogoutHandler(visitors.csrfTokens()), new SessionSignOut(CONTEXT_ATTRIBUTE),
                clearContext);
        signOut.setLogoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                "/my/sign-out"));
        return signOut;
    }
}
