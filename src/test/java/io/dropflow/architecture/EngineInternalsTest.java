package io.dropflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's internal classes (its packages named {@code impl}) are no API: a patch release may change them, and
 * a move to a fork (Operaton's {@code org.operaton…impl}) changes every one. Only processengine builds on them, and
 * the few classes below that cannot do without; docs/engine-internals.md lists each internal class Dropflow uses
 * and each private field it reads, so an engine upgrade or a fork move knows what to re-check.
 */
class EngineInternalsTest {

    private static final JavaClasses DROPFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dropflow");

    private static final String[] ENGINE_INTERNALS = {"org.camunda..impl..", "org.operaton..impl.."};

    /** The engine wiring shared by every process: the one place built on the engine's internals. */
    private static final String ENGINE_WIRING = "io.dropflow.processengine..";

    /** The classes outside processengine that need an internal today, each with the reason. */
    static final Map<String, String> ALLOWED = Map.of(
            "io.dropflow.security.CamundaWebappLogin",
            "reads the webapps' login from the HTTP session (webapp.impl.security.auth): the webapps offer no API for it",
            "io.dropflow.security.EngineRestBasicAuthentication",
            "extends the engine REST API's HTTP Basic provider (rest.security.auth.impl), the extension point its docs name",
            "io.dropflow.security.LoginRefused",
            "reads the engine's login throttling (ProcessEngineConfigurationImpl): the public configuration does not show it",
            "io.dropflow.security.RequiredSecrets",
            "checks the start-up passwords against the engine's own password policy (DefaultPasswordPolicyImpl, UserEntity)"
                    + " before the engine refuses them");

    private static final DescribedPredicate<JavaClass> ALLOWED_CLASS = new DescribedPredicate<>(
            "allowed to use them (EngineInternalsTest.ALLOWED)") {
        @Override
        public boolean test(JavaClass type) {
            return ALLOWED.containsKey(outermost(type).getName());
        }
    };

    @Test
    void onlyEngineWiringAndTheAllowedFewUseTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage(ENGINE_WIRING).and(DescribedPredicate.not(ALLOWED_CLASS))
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE_INTERNALS)
                .because("the engine's impl packages are no API (docs/engine-internals.md): go through processengine")
                .check(DROPFLOW);
    }

    /** The allow-list stays short: a class that no longer needs an internal leaves it. */
    @Test
    void everyAllowedClassStillNeedsThem() {
        Set<String> users = internalsByClass().keySet();
        assertThat(ALLOWED.keySet()).as("allowed but no longer using the engine's internals").allMatch(users::contains);
    }

    /**
     * docs/engine-internals.md lists today's internal classes and private fields: the list is written to
     * target/engine-internals.md, and the page must hold it as it is.
     */
    @Test
    void theDocsListEachInternalAndEachFieldReadByReflection() throws IOException {
        String list = list();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "engine-internals.md"), list);
        assertThat(Files.readString(Path.of("docs", "engine-internals.md")))
                .as("docs/engine-internals.md lists what the code uses today: copy target/engine-internals.md into it")
                .contains(list);
    }

    /** Dropflow's classes (outermost) and the engine's internal classes each uses. */
    private static Map<String, Set<String>> internalsByClass() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass type : DROPFLOW) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (isInternal(target)) {
                    uses.computeIfAbsent(outermost(type).getName(), name -> new TreeSet<>())
                            .add(outermost(target).getName());
                }
            }
        }
        return uses;
    }

    private static boolean isInternal(JavaClass type) {
        String name = type.getPackageName();
        return (name.startsWith("org.camunda.") || name.startsWith("org.operaton.")) && name.matches(".*\\.impl(\\..*)?");
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** {@code field(SomeCmd.class, "name", …)}: CommandFields' look-ups. */
    private static final Pattern FIELD = Pattern.compile("field\\(\\s*([\\w.]+)\\.class,\\s*\"(\\w+)\"");

    /** Dropflow's classes and the engine's private fields each reads by reflection. */
    private static Map<String, Set<String>> fieldsByClass() throws IOException {
        Map<String, Set<String>> reads = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher field = FIELD.matcher(Files.readString(file));
                while (field.find()) {
                    String owner = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
                    reads.computeIfAbsent(file.getFileName().toString().replace(".java", ""), name -> new TreeSet<>())
                            .add(owner + "." + field.group(2));
                }
            }
        }
        return reads;
    }

    static String list() throws IOException {
        StringBuilder list = new StringBuilder("<!-- from here to the end: written by EngineInternalsTest -->\n\n"
                + "### Internal classes, by Dropflow class\n\n| Dropflow class | engine internals it uses |\n|---|---|\n");
        internalsByClass().forEach((user, internals) -> list.append("| `").append(user.replace("io.dropflow.", ""))
                .append("` | ").append(internals.stream().map(name -> "`" + name.replace("org.camunda.bpm.", "") + "`")
                        .collect(Collectors.joining(", "))).append(" |\n"));
        list.append("\n### Private fields read by reflection (CommandFields), by Dropflow class\n\n"
                + "| Dropflow class | field (engine class.field) |\n|---|---|\n");
        fieldsByClass().forEach((user, fields) -> list.append("| `").append(user).append("` | ")
                .append(fields.stream().map(field -> "`" + field + "`").collect(Collectors.joining(", "))).append(" |\n"));
        return list.toString();
    }
}
