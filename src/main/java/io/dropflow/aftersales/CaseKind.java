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

    /** "Claim" or "Return". */
    public String title() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
