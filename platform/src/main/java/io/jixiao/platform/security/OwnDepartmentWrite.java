package io.jixiao.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A write only the department's own users may make, on a path with {departmentId}. The check runs
 * before the body is read and validated ({@link OwnDepartmentWriteFilter}), so another department,
 * a reviewer or a machine client gets 403, never a 400 that reveals how the body was judged.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface OwnDepartmentWrite {
}
