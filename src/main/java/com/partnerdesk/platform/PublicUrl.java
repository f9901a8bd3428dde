package com.partnerdesk.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address browsers use to reach the application ({@code partnerdesk.public-url}), when the operator sets one.
 * Behind a proxy that ends TLS the application itself is spoken to over plain HTTP, and whether it learns that the
 * browser used HTTPS depends on the proxy's forwarded headers and on {@code server.forward-headers-strategy}; an
 * https public address settles it regardless: cookies are Secure and HSTS is sent
 * (docs/decisions/0012-public-url-setting.md). Without it, a request is treated as HTTPS only when it arrived so.
 */
@Component
public class PublicUrl {

    private final URI address;

    PublicUrl(@Value("${partnerdesk.public-url:}") String configured) {
        this.address = parse(configured).orElse(null);
    }

    /** Whether cookies set in answer to this request must be Secure and the answer must carry HSTS. */
    public boolean isHttps(HttpServletRequest request) {
        return isHttps() || request.isSecure();
    }

    /** Whether the configured public address is an https one, whatever any request says. */
    public boolean isHttps() {
        return address != null && "https".equals(address.getScheme());
    }

    /**
     * An absolute link to a path of the application, for places outside the browser (emails): under the public
     * address when one is set, else under the address the current request came to.
     */
    public String link(String path) {
        if (address == null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
        }
        String base = address.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * The setting read strictly, so that a mistyped address stops the start-up with the reason instead of leaving
     * cookies quietly insecure.
     */
    static Optional<URI> parse(String configured) {
        if (!StringUtils.hasText(configured)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(configured.trim());
        }
        catch (URISyntaxException malformed) {
            throw invalid(configured, "it is not a well-formed URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(configured, "it must start with https:// (or http:// for a server without TLS)");
        }
        if (!StringUtils.hasText(uri.getHost())) {
            throw invalid(configured, "it names no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(configured, "it may hold only scheme, host, port and path");
        }
        return Optional.of(URI.create(uri.getScheme().toLowerCase() + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())));
    }

    private static IllegalStateException invalid(String configured, String reason) {
        return new IllegalStateException("partnerdesk.public-url (PARTNERDESK_PUBLIC_URL) is '" + configured
                + "', but " + reason + ". Set it to the address browsers use, for example "
                + "https://partnerdesk.example.com, or leave it unset.");
    }
}
