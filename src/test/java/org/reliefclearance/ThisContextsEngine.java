package org.reliefclearance;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and webapps find "the" engine in a JVM-wide registry, where the Spring context
 * started last has put its own. Before each test, this makes the test's own context's engine the one
 * its HTTP calls reach, so a call never lands on another cached context's database.
 */
public class ThisContextsEngine extends AbstractTestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        register(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        register(testContext);
    }

    private static void register(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                    .ifAvailable(ProcessEngines::registerProcessEngine);
        }
    }
}
