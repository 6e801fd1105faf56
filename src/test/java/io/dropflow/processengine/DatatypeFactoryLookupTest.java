package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The factory the engine's duration parsing asks for is the JDK's, found without a class path search. */
class DatatypeFactoryLookupTest {

    @Test
    void namesTheJdksFactoryWhichTheSearchWouldHaveFound() throws Exception {
        String before = System.getProperty(DatatypeFactoryLookup.PROPERTY);
        System.clearProperty(DatatypeFactoryLookup.PROPERTY);
        try {
            String found = DatatypeFactory.newInstance().getClass().getName();
            new DatatypeFactoryLookup().preInit(new StandaloneInMemProcessEngineConfiguration());
            assertThat(System.getProperty(DatatypeFactoryLookup.PROPERTY)).isEqualTo(found);
            assertThat(DatatypeFactory.newInstance().newDuration("PT25H").getHours()).isEqualTo(25);
        } finally {
            if (before == null) {
                System.clearProperty(DatatypeFactoryLookup.PROPERTY);
            } else {
                System.setProperty(DatatypeFactoryLookup.PROPERTY, before);
            }
        }
    }
}
