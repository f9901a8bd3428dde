package com.partnerdesk.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.directory.CustomerAccount;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Updates or ends the customer user's part of a session, leaving any staff sign-in in the same browser alone. */
@Component
public class CustomerUserSessions {

    private final HttpSessionSecurityContextRepository repository;

    CustomerUserSessions(HttpSessionSecurityContextRepository customerUserContextRepository) {
        this.repository = customerUserContextRepository;
    }

    /** Keeps the session signed in after the password changed, with the new credential stamp. */
    public void signInAgain(CustomerAccount account, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = new SecurityContextImpl(
                CustomerUserAuthentication.authenticated(SignedInCustomerUser.of(account)));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        repository.saveContext(empty, request, response);
    }
}
