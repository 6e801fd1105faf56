package io.dropflow.processengine;

import java.util.List;
import java.util.Locale;

/**
 * The rules of {@link TableRules} for a DMN file under whatever name the engine deploys it from: {@code .dmn} and
 * {@code .dmn11.xml} alike (explore s18, H6). The renamed-decision-id rule knows a shipped file by its name
 * ({@code platform-fees.dmn}), so {@code platform-fees.dmn11.xml} with its decision id renamed deployed (200) and was
 * never read. The file is checked as the shipped {@code .dmn} it is, and every problem names it as uploaded.
 */
public final class TableFiles {

    /** The engine's other DMN ending (its DMN deployer takes {@code .dmn} and {@code .dmn11.xml}). */
    private static final String DMN11 = ".dmn11.xml";

    private TableFiles() {
    }

    /**
     * Every rule the tables of this DMN file break ({@link TableRules#problems(String, byte[])}), a file named
     * {@code .dmn11.xml} checked as the {@code .dmn} file of the same name; empty when none.
     */
    public static List<String> problems(String file, byte[] dmn) {
        if (!file.toLowerCase(Locale.ROOT).endsWith(DMN11)) {
            return TableRules.problems(file, dmn);
        }
        String asShipped = file.substring(0, file.length() - DMN11.length()) + ".dmn";
        String shippedName = fileName(asShipped);
        String name = fileName(file);
        return TableRules.problems(asShipped, dmn).stream()
                .map(problem -> problem.startsWith(asShipped) ? file + problem.substring(asShipped.length())
                        : problem.startsWith(shippedName) ? name + problem.substring(shippedName.length()) : problem)
                .toList();
    }

    /** The name without its folders ({@code platform-fees.dmn} of {@code ../x/platform-fees.dmn}). */
    private static String fileName(String file) {
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }
}
