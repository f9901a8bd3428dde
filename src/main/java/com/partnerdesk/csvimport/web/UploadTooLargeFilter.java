package com.partnerdesk.csvimport.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.csvimport.internal.UserImports;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload whose body is larger than the import limit is answered before anything reads it: a redirect to the
 * upload page, which explains the limit. It must come before Spring Security, because the form's CSRF token is a field
 * of that body, and reading it would make the container parse a body it refuses (Tomcat answers 413 with an error
 * page). Nothing of the request is processed and no CSRF check is skipped for anything that is processed: the answer
 * is the same GET page any link would give. No token travels in a URL.
 */
class UploadTooLargeFilter extends OncePerRequestFilter {

    private static final Pattern UPLOAD_PATH = Pattern.compile("/customers/([0-9a-fA-F-]{36})/users/import");

    private final UserImports imports;

    UploadTooLargeFilter(UserImports imports) {
        this.imports = imports;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !HttpMethod.POST.matches(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || request.getContentLengthLong() <= imports.settings().maxBytes().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher upload = UPLOAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!upload.matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/customers/" + upload.group(1) + "/users/import?tooLarge");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UploadTooLargeFilter> uploadTooLargeFilter(UserImports imports) {
            FilterRegistrationBean<UploadTooLargeFilter> registration = new FilterRegistrationBean<>(
                    new UploadTooLargeFilter(imports));
            registration.addUrlPatterns("/customers/*");
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }
}
