package com.partnerdesk.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The staff's security contexts, kept where Spring Security keeps them by default, but a stored staff sign-in is only
 * handed out while {@link StaffSessions#isCurrent} says so; otherwise it is signed out of the session and the request
 * goes on anonymous, so any page sends it to the sign-in page. The check runs when a request first asks who is signed
 * in, so a static file, which never asks, costs no lookup.
 */
final class CurrentStaffContextRepository implements SecurityContextRepository {

    private final SecurityContextRepository stored = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private final SessionSignOut signOut = new SessionSignOut(
            HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);

    private final StaffSessions staffSessions;

    CurrentStaffContextRepository(StaffSessions staffSessions) {
        this.staffSessions = staffSessions;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new Checked(stored.loadDeferredContext(request), request);
    }

    /** Only for callers of the pre-deferred API; Spring Security's own filters load the deferred context. */
    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        stored.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return stored.containsContext(request);
    }

    private final class Checked implements DeferredSecurityContext {

        private final DeferredSecurityContext loaded;

        private final HttpServletRequest request;

        private SecurityContext checked;

        private boolean generated;

        Checked(DeferredSecurityContext loaded, HttpServletRequest request) {
            this.loaded = loaded;
            this.request = request;
        }

        @Override
        public SecurityContext get() {
            if (checked == null) {
                checked = check(loaded);
            }
            return checked;
        }

        @Override
        public boolean isGenerated() {
            get();
            return generated;
        }

        private SecurityContext check(Supplier<SecurityContext> context) {
            SecurityContext signedIn = context.get();
            generated = loaded.isGenerated();
            if (signedIn.getAuthentication() != null
                    && signedIn.getAuthentication().getPrincipal() instanceof SignedInStaff staff
                    && !staffSessions.isCurrent(staff)) {
                signOut.signOut(request);
                generated = true;
                return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            }
            return signedIn;
        }
    }
}
