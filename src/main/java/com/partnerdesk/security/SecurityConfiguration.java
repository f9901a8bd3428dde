package com.partnerdesk.security;

import java.time.Clock;

import com.partnerdesk.audit.AuditTrail;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Staff sign-in and the rules every partner page shares. Each action additionally declares its roles with
 * {@link AdminAgentOnly} or {@link AdminOrHelpdeskAgent}; a Sales agent can never change anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Sign-ins stay observed (metrics of failed and successful authentications), but not every request's walk through
     * the filter chain and its authorization: the HTTP server's own observation already times each request, and
     * observing each of the chain's filters as well cost a noticeable share of every page.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
            .shouldObserveRequests(false)
            .shouldObserveAuthorizations(false)
            .build();
    }

    /**
     * Health and metrics answer on the management port only (see {@code management.server.port}), which is kept off
     * the public network; on the public port these paths are ordinary, unknown pages.
     */
    @Bean
    @Order(40)
    SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.disable())
            .sessionManagement(session -> session.disable());
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain staffSecurity(HttpSecurity http, AuthenticationManager staffSignIn,
            StaffSessions staffSessions, SessionlessVisitors visitors) throws Exception {
        http.authenticationManager(staffSignIn)
            .csrf(csrf -> csrf.csrfTokenRepository(visitors.csrfTokens()))
            .requestCache(cache -> cache.requestCache(visitors.returnTo()))
            .securityContext(context -> context
                .securityContextRepository(new CurrentStaffContextRepository(staffSessions)))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/webjars/**", "/assets/**", "/favicon.ico", "/error", "/sign-in").permitAll()
                .requestMatchers(HttpMethod.POST, "/locale").permitAll()
                .requestMatchers(HttpMethod.GET, "/**").authenticated()
                .requestMatchers("/sign-out").authenticated()
                .anyRequest().hasAnyRole(StaffRole.ADMIN_AGENT.name(), StaffRole.HELPDESK_AGENT.name()))
            .formLogin(form -> form.loginPage("/sign-in")
                .defaultSuccessUrl("/", false)
                .failureHandler((request, response, failure) -> response
                    .sendRedirect(request.getContextPath() + "/sign-in" + SignInProblem.query(failure)))
                .permitAll())
            .logout(logout -> logout.logoutUrl("/sign-out")
                .logoutSuccessUrl("/sign-in?signedOut")
                .invalidateHttpSession(false)
                .addLogoutHandler(new SessionSignOut(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(ResponseHeaders::protect);
        return http.build();
    }

    /** Passwords checked by Spring Security, behind the throttle that counts failures per account and address. */
    @Bean
    AuthenticationManager staffSignIn(StaffUserDetailsService staff, StaffSignInAccounts accounts,
            PasswordEncoder passwordEncoder, PasswordChecks passwordChecks, SignInThrottle throttle, AuditTrail audit,
            SignInRefusals refusals, Clock clock) {
        return new ProviderManager(new ThrottledAuthenticationProvider(SignInDoor.STAFF,
                new StaffPasswordCheck(staff, passwordEncoder), passwordChecks, accounts, throttle, audit, refusals,
                clock));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
