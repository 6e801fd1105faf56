package io.dropflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting the application reads (a component of a {@code @ConfigurationProperties} record, a
 * {@code @Value("${dropflow....}")} key) is in docs/configuration.md: exploratory s16 ops, 6 found Shopify's
 * {@code base-url}, timeouts and {@code token-renew-before} and the supplier API's {@code signature-tolerance}
 * documented nowhere, and an operator had to read the code to point Shopify at a proxy. A setting counts as documented
 * when its full name is in the page (or in docs/partners/README.md, where the call limits are), or its last part is (in
 * backticks, alone or after a dot, or as a variable's suffix) on a line that names the setting's group, as the table's
 * rows do ({@code dropflow.seller.name}, {@code .return-address}), or its last two parts are ({@code track17.base-url}).
 */
class SettingsDocumentedTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{(dropflow\\.[a-z0-9.\\-\\[\\]]+)[:}]");
    private static final Pattern PROPERTIES = Pattern.compile("@ConfigurationProperties\\(");

    /** The demo's sandbox partners: not there in production, described in their own classes. */
    private static final Set<String> NOT_AN_OPERATORS = Set.of("dropflow.sandbox");

    @Test
    void everySettingReadIsDocumented() throws IOException {
        // configuration.md, and the partners' pages its rows send a partner's settings to
        List<String> doc = new ArrayList<>(Files.readAllLines(Path.of("docs/configuration.md")));
        doc.addAll(Files.readAllLines(Path.of("docs/partners/README.md")));
        List<String> settings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher value = VALUE.matcher(source);
                while (value.find()) {
                    settings.add(value.group(1));
                }
                if (PROPERTIES.matcher(source).find()) {
                    String name = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
                    if (properties != null && type.isRecord()) {
                        String prefix = properties.value().isEmpty() ? properties.prefix() : properties.value();
                        components(type, prefix, settings);
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        assertThat(settings).as("settings found in the code").hasSizeGreaterThan(40);

        Set<String> undocumented = new TreeSet<>();
        for (String setting : settings) {
            if (NOT_AN_OPERATORS.stream().noneMatch(setting::startsWith) && !documented(setting, doc)) {
                undocumented.add(setting);
            }
        }
        assertThat(undocumented).as("settings the application reads that docs/configuration.md does not name").isEmpty();
    }

    /** The record's settings under {@code prefix}: a map's values under {@code <key>}, a nested record's below its own. */
    private static void components(Class<?> type, String prefix, List<String> settings) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> nested = recordIn(component.getGenericType());
            if (nested == null) {
                settings.add(name);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                components(nested, name + ".<key>", settings);
            } else {
                components(nested, name, settings);
            }
        }
    }

    /** The record a component is, or holds as a map's or list's values; null for a plain value. */
    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            return recordIn(arguments[arguments.length - 1]);
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean documented(String setting, List<String> doc) {
        String plain = setting.replace(".<key>", "");
        if (doc.stream().anyMatch(line -> line.contains(setting) || line.contains(plain))) {
            return true;
        }
        String[] parts = setting.split("\\.");
        String leaf = parts[parts.length - 1];
        // the group: the name up to the first map key, at least two parts (dropflow.seller), without the leaf
        int end = setting.contains(".<key>") ? List.of(parts).indexOf("<key>") : parts.length - 1;
        String group = String.join(".", List.of(parts).subList(0, Math.max(2, Math.min(end, parts.length - 1))));
        Pattern named = Pattern.compile("[`./]" + Pattern.quote(leaf) + "`");
        Pattern variable = Pattern.compile("_" + Pattern.quote(leaf.toUpperCase(java.util.Locale.ROOT).replace('-', '_')) + "`");
        // or its last two parts, as a row of its group says them (`track17.base-url`)
        String lastTwo = parts.length > 2 && !parts[parts.length - 2].equals("<key>")
                ? "`" + parts[parts.length - 2] + "." + leaf + "`" : null;
        return doc.stream().anyMatch(line -> line.contains(group) && (named.matcher(line).find()
                || variable.matcher(line).find()) || lastTwo != null && line.contains(lastTwo));
    }
}
