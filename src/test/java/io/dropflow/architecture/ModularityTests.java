package io.dropflow.architecture;

import io.dropflow.DropflowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Writes the module map to target/spring-modulith-docs: PlantUML (all modules, and one per
     * module), a canvas per module, and a Mermaid graph that GitHub draws in Markdown. docs/modules
     * holds a copy; the test fails when that copy no longer shows the modules' dependencies.
     */
    @Test
    void drawsTheModuleMap() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        String map = mermaid();
        Files.writeString(Path.of("target", "spring-modulith-docs", "README.md"), map);
        assertThat(Files.readString(Path.of("docs", "modules", "README.md")))
                .as("docs/modules/README.md is the module map of today's code: copy target/spring-modulith-docs/")
                .isEqualTo(map);
    }

    /** Modules and who uses whom, as a Mermaid flowchart. */
    static String mermaid() {
        StringBuilder map = new StringBuilder("# Dropflow's modules\n\nDrawn from the code by ModularityTests"
                + " (Spring Modulith): an arrow means the module on its left uses the one on its right.\n\n"
                + "```mermaid\nflowchart LR\n");
        MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> module
                .getDirectDependencies(MODULES).uniqueModules()
                .map(ApplicationModule::getName).sorted().distinct()
                .forEach(target -> map.append("    ").append(module.getName()).append(" --> ").append(target)
                        .append('\n')));
        return map.append("```\n\nPlantUML diagrams of the same, for all modules and for each: `components.puml`,"
                + " `module-*.puml`; what each module offers: `module-*.adoc`.\n").toString();
    }
}
