package com.partnerdesk.web;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A malformed id in a URL is answered like an unknown one (a 404 page), tampered parameters with a 400 page that
 * says so: never a stack trace.
 */
@ControllerAdvice
class NotFoundAdvice {

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformedRequest() {
        return "error/404";
    }

    /** Filter or paging parameters that do not bind (an unknown role, a broken id) were not typed by hand. */
    @ExceptionHandler(BindException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unreadableParameters() {
        return "error/400";
    }
}
