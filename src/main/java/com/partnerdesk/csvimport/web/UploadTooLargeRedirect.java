package com.partnerdesk.csvimport.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerdesk.csvimport.UserImports;
import com.partnerdesk.security.CsrfRefusalRedirect;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * An upload larger than the import limit is more than the container parses, so its CSRF token, a field of the same
 * body, is never read and the request is refused. Instead of a bare 403 the admin gets the upload page again with the
 * limit explained; the upload itself stays refused and nothing is staged.
 */
@Component
class UploadTooLargeRedirect implements CsrfRefusalRedirect {

    private static final Pattern UPLOAD_PATH = Pattern.compile("/customers/([0-9a-fA-F-]{36})/users/import");

    private final UserImports imports;

    UploadTooLargeRedirect(UserImports imports) {
        this.imports = imports;
    }

    @Override
    public Optional<String> redirectFor(HttpServletRequest request) {
        String contentType = request.getContentType();
        Matcher upload = UPLOAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!HttpMethod.POST.matches(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) || !upload.matches()
                || request.getContentLengthLong() <= imports.settings().maxBytes().toBytes()) {
            return Optional.empty();
        }
        return Optional.of("/customers/" + upload.group(1) + "/users/import?tooLarge");
    }
}
