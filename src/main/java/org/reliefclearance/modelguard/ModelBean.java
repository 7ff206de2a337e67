package org.reliefclearance.modelguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the BPMN/DMN models may call by name, e.g. {@code ${deadlines.dueAt('ENDORSEMENT', '-')}}.
 * Models may call only the public methods its own class declares. Delegates and listeners of the
 * application ({@code JavaDelegate}, {@code ExecutionListener}, {@code TaskListener}) need no
 * annotation; every other bean is out of a model's reach.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelBean {
}
