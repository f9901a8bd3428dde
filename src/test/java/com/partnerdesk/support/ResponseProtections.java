package com.partnerdesk.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.support.HttpVisitor.Response;

/**
 * What every response must carry, judged as a browser receives it: the security headers, a CSRF token in every form
 * that posts, and cookies that scripts cannot read and other sites cannot send. Each method returns the problems it
 * found, one sentence each, so that a test can list them all at once.
 */
public final class ResponseProtections {

    /** A form element up to its end; forms are never nested, so the first end closes it. */
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*+)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern POST_METHOD = Pattern.compile("\\bmethod\\s*=\\s*[\"']?post\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input\\b[^>]*\\btype=\"hidden\"[^>]*\\bname=\"_csrf\"[^>]*\\bvalue=\"[^\"]+\"", Pattern.CASE_INSENSITIVE);

    private ResponseProtections() {
    }

    /**
     * All problems of one response: its headers, its forms when it is a page, its cookies.
     * @param https whether the browser talked HTTPS to the application (then Strict-Transport-Security is required;
     * over plain HTTP it must not be sent, since the browser would ignore it and it says nothing true)
     */
    public static List<String> problemsOf(Response response, boolean https) {
        List<String> problems = new ArrayList<>();
        problems.addAll(headerProblems(response, https));
        problems.addAll(formProblems(response));
        problems.addAll(cookieProblems(response));
        return problems;
    }

    public static List<String> headerProblems(Response response, boolean https) {
        List<String> problems = new ArrayList<>();
        String policy = response.header("Content-Security-Policy");
        if (policy == null) {
            problems.add(response + ": no Content-Security-Policy");
        }
        else {
            for (String directive : List.of("script-src", "style-src", "frame-ancestors")) {
                String value = directive(policy, directive);
                if (value == null && !directive.equals("frame-ancestors") && directive(policy, "default-src") == null) {
                    problems.add(response + ": Content-Security-Policy has neither " + directive + " nor default-src");
                }
                if (value == null && directive.equals("frame-ancestors")) {
                    problems.add(response + ": Content-Security-Policy has no frame-ancestors");
                }
                if (value != null && (value.contains("'unsafe-inline'") || value.contains("'unsafe-eval'"))) {
                    problems.add(response + ": Content-Security-Policy allows unsafe code in " + directive);
                }
            }
            String fallback = directive(policy, "default-src");
            if (fallback != null && fallback.contains("'unsafe-inline'")) {
                problems.add(response + ": Content-Security-Policy allows 'unsafe-inline' in default-src");
            }
        }
        if (!"nosniff".equalsIgnoreCase(response.header("X-Content-Type-Options"))) {
            problems.add(response + ": X-Content-Type-Options is not nosniff");
        }
        String referrer = response.header("Referrer-Policy");
        if (referrer == null || referrer.isBlank() || referrer.equalsIgnoreCase("unsafe-url")) {
            problems.add(response + ": no Referrer-Policy that keeps addresses in");
        }
        String hsts = response.header("Strict-Transport-Security");
        if (https && (hsts == null || !hsts.matches("(?i).*max-age=[1-9][0-9]*+.*"))) {
            problems.add(response + ": over HTTPS without Strict-Transport-Security");
        }
        if (!https && hsts != null) {
            problems.add(response + ": Strict-Transport-Security over plain HTTP");
        }
        return problems;
    }

    /** Every form that posts carries a hidden {@code _csrf} input with a value. */
    public static List<String> formProblems(Response response) {
        List<String> problems = new ArrayList<>();
        if (!response.isHtml()) {
            return problems;
        }
        Matcher form = FORM.matcher(response.body());
        while (form.find()) {
            if (POST_METHOD.matcher(form.group(1)).find() && !CSRF_INPUT.matcher(form.group(2)).find()) {
                problems.add(response + ": a POST form without its CSRF token: <form" + form.group(1) + ">");
            }
        }
        return problems;
    }

    /** Every cookie set is HttpOnly and names its SameSite rule. */
    public static List<String> cookieProblems(Response response) {
        List<String> problems = new ArrayList<>();
        for (String cookie : response.headers("Set-Cookie")) {
            List<String> attributes = Arrays.stream(cookie.split(";"))
                .map(attribute -> attribute.strip().toLowerCase(Locale.ROOT))
                .toList();
            String name = cookie.substring(0, Math.max(cookie.indexOf('='), 0));
            if (!attributes.contains("httponly")) {
                problems.add(response + ": cookie " + name + " without HttpOnly");
            }
            if (attributes.stream().noneMatch(attribute -> attribute.matches("samesite=(strict|lax)"))) {
                problems.add(response + ": cookie " + name + " without SameSite=Strict or Lax");
            }
        }
        return problems;
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            String trimmed = directive.strip();
            if (trimmed.equals(name) || trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length()).strip();
            }
        }
        return null;
    }
}
