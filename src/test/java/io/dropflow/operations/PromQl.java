package io.dropflow.operations;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: what is left once labels, ranges, functions and keywords are gone. */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "le", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(Collection<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String bare = expression
                    .replaceAll("\\{[^}]*}", " ")                      // label matchers
                    .replaceAll("\\[[^]]*]", " ")                      // ranges
                    .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\"[^\"]*\"", " ")                     // strings
                    .replaceAll("\\boffset\\s+\\w+", " ");
            Matcher m = IDENTIFIER.matcher(bare);
            while (m.find()) {
                String token = m.group();
                int after = m.end();
                while (after < bare.length() && bare.charAt(after) == ' ') {
                    after++;
                }
                boolean function = after < bare.length() && bare.charAt(after) == '(';
                if (!function && !KEYWORDS.contains(token.toLowerCase()) && !token.matches("\\d.*")) {
                    names.add(token);
                }
            }
        }
        return names;
    }
}
