package com.partnerdesk.csvimport.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the container's multipart limit is refused before any controller runs; instead of an error page the
 * admin gets the upload page again with the limit explained. The form carries its CSRF token in the URL too, because
 * the container does not read the body of a refused upload.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        return "redirect:" + request.getRequestURI() + "?tooLarge";
    }
}
