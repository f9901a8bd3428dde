package com.partnerdesk.csvimport.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the container's multipart limit is refused before any controller runs; instead of an error page the
 * admin gets the upload page again with the limit explained. This covers a client that sends its CSRF token in a
 * header; the form's token sits in the unread body, and {@link UploadTooLargeFilter} explains that case.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        return "redirect:" + request.getRequestURI() + "?tooLarge";
    }
}
