package dev.specwright.generator.extension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What {@link TestExtensions.AuditModels} puts on every model: kept at run time, so a test sees it on the class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audited {
    /** The schema the model comes from. */
    String value();
}
