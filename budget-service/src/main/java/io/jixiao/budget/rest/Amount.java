package io.jixiao.budget.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in 元: not negative, at most 2 decimals. Null is allowed (not provided). */
@PositiveOrZero(message = "{jixiao.amount.negative}")
@Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
public @interface Amount {
    String message() default "{jixiao.amount.digits}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
