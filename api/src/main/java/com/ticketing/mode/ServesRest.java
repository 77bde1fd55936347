package com.ticketing.mode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Marks what only instances serving REST need: present in modes {@code all} and {@code api}, absent for workers. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("'${ticketing.mode:all}'.toLowerCase() != 'worker'")
public @interface ServesRest {}
