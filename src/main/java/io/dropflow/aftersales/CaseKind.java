package io.dropflow.aftersales;

/** The two kinds of after-sales case, and how their numbers read ("DF-CL7", "DF-RT3"). */
public enum CaseKind {
    CLAIM("DF-CL", "claim"),
    RETURN("DF-RT", "return");

    private final String prefix;
    private final String noun;

    CaseKind(String prefix, String noun) {
        this.prefix = prefix;
        this.noun = noun;
    }

    /** The number partners and consumers see. */
    public String number(Long id) {
        return prefix + id;
    }

    /** The id in a number whose form the API has checked already ("DF-CL7" is 7). */
    public Long idOf(String number) {
        return Long.valueOf(number.substring(prefix.length()));
    }

    /** "claim" or "return": how problems and histories name the case. */
    public String noun() {
        return noun;
    }

    /** The business key of the case's process: "claim-7", "return-3". */
    public String businessKey(Long id) {
        return noun + "-" + id;
    }

    /** The kind and id of the case a process with this business key is about. */
    public static CaseRef ofBusinessKey(String businessKey) {
        for (CaseKind kind : values()) {
            if (businessKey != null && businessKey.startsWith(kind.noun + "-")) {
                return new CaseRef(kind, Long.valueOf(businessKey.substring(kind.noun.length() + 1)));
            }
        }
        throw new IllegalArgumentException("not the business key of an after-sales case: " + businessKey);
    }

    /** The case a number names ("DF-CL7": claim 7), if it names one. */
    public static java.util.Optional<CaseRef> ofNumber(String number) {
        for (CaseKind kind : values()) {
            if (number != null && number.startsWith(kind.prefix) && number.length() > kind.prefix.length()
                    && number.substring(kind.prefix.length()).chars().allMatch(Character::isDigit)) {
                return java.util.Optional.of(new CaseRef(kind, kind.idOf(number)));
            }
        }
        return java.util.Optional.empty();
    }

    /** One case: its kind and its id. */
    public record CaseRef(CaseKind kind, Long id) {
    }

    /** "Claim" or "Return". */
    public String title() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
