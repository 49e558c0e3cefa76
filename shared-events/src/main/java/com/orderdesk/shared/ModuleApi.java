package com.orderdesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's entry point for the application that assembles the modules ({@code app}): besides the classes in a module's
 * root package (its configuration), the only classes of a module {@code app} may use. {@code ArchitectureTest} keeps
 * it so; everything else of a module is its own business.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ModuleApi {
}
