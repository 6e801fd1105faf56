package io.dropflow.processengine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine reads every timer's and retry cycle's ISO 8601 duration with a new
 * {@code javax.xml.datatype.DatatypeFactory} (Camunda's {@code DurationHelper}), and the JDK finds
 * the factory's class anew each time: without the system property below it searches the class path
 * for a service file, jar by jar (1.5 % of all CPU in a deadline storm, benchmark profile,
 * docs/performance.md). Naming the JDK's own implementation, the one that search ends with, skips
 * the search. A value set on the command line is kept.
 */
@Component
class DatatypeFactoryLookup extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "javax.xml.datatype.DatatypeFactory";
    static final String JDK_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, JDK_FACTORY);
        }
    }
}
