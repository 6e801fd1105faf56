package io.dropflow.architecture;

import io.dropflow.DropflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature is a module: others use its API (the types in its top package, or a named
 * interface), never its internals, and no two modules depend on each other in a circle.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DropflowApplication.class);

    @Test
    void featuresUseEachOthersApiOnlyAndFormNoCycle() {
        MODULES.verify();
    }

    /** Writes the module map (PlantUML) and a canvas per module to target/spring-modulith-docs; docs/modules holds a copy. */
    @Test
    void drawsTheModuleMap() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
