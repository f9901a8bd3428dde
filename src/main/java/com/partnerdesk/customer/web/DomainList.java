package com.partnerdesk.customer.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Domain names separated by commas, spaces or line breaks, at least one ({@link DomainNames}). A blank or overlong
 * value is left to {@code @NotBlank} and {@code @Size}, so that it gets their message and is not read here.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DomainList.Check.class)
@interface DomainList {

    String message() default "{customer.domains.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DomainList, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.length() > CustomerForm.MAX_DOMAINS_LENGTH || value.isBlank()) {
                return true;
            }
            List<String> domains = DomainNames.split(value);
            return !domains.isEmpty() && domains.stream().allMatch(DomainNames::isDomainName);
        }
    }
}
