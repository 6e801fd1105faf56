package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exploratory test s14 (tasklist, defect 6; s12 #3): an English operator read codes where the Chinese read words —
 * "No supplier credit for the returned goods (inspection: DAMAGED_BY_CONSUMER)", "SANDBOX-POST SBX1 reported
 * RETURNED at …". Every text the code writes for operators — a line of an order's timeline or a case's history
 * ({@code .record(}), a claim replacement's line, an escalation reason, a partner delivery's reason ({@code why}) —
 * puts a status, type, reason code or inspection result in words ({@code OperatorWords.of}/{@code ofCode}), never
 * the code itself. This reads the sources: a concatenated {@code x.status()}, {@code x.type()}, {@code x.reasonCode()},
 * {@code getInspectionResult()}, {@code name()} or a variable {@code type}/{@code status} in such a text is named.
 */
class NoCodesInOperatorLinesTest {

    /** Where an operator's text starts: a history or timeline line, a replacement's line, an escalation reason, a why. */
    private static final Pattern OPERATOR_TEXT = Pattern.compile(
            "\\.record\\(|\\breplacement\\(event,|ESCALATION_REASON\\.set\\(|String why =|->\\s*supplierCode \\+");

    /** A code put into it as it is: after a {@code +} or a condition's branch, not inside OperatorWords. */
    private static final Pattern CODE = Pattern.compile("(?<!TOPIC )(?:\\+|\\?|:)\\s*\\(?\\s*(?!OperatorWords|io\\.dropflow)"
            + "[\\w.]*?(?:\\.status\\(\\)|\\.getStatus\\(\\)|\\.type\\(\\)|\\.getType\\(\\)|\\.reasonCode\\(\\)"
            + "|\\.getReasonCode\\(\\)|getInspectionResult\\(\\)|\\.name\\(\\)|\\b(?:type|status)\\b)(?!\\s*[.(=!])");

    /** Texts for partners and API clients, where the code is what they sent or read (not an operator's text). */
    private static final List<String> NOT_FOR_OPERATORS = List.of("claim/internal/ClaimAnswers.java");

    @Test
    void operatorTextsPutCodesInWords() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (NOT_FOR_OPERATORS.stream().anyMatch(source.toString()::endsWith)) {
                    continue;
                }
                String code = Files.readString(source);
                Matcher text = OPERATOR_TEXT.matcher(code);
                while (text.find()) {
                    String statement = code.substring(text.start(), code.indexOf(';', text.end()));
                    Matcher raw = CODE.matcher(statement);
                    while (raw.find()) {
                        found.add(source.getFileName() + ": " + raw.group().strip() + " in "
                                + statement.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(found).as("codes put into operators' texts as they are (use OperatorWords.of / ofCode)").isEmpty();
    }
}
