package io.dropflow.onboarding;

/**
 * The papers an applicant may have to show; bpmn/onboarding-requirements.dmn says which ones each
 * category and region needs, and which must carry an expiry date.
 */
public enum DocumentType {
    BUSINESS_LICENCE("business licence (营业执照)"),
    TAX_REGISTRATION("tax registration (税务登记)"),
    QUALITY_CERTIFICATE("quality management certificate, e.g. ISO 9001"),
    EXPORT_REGISTRATION("export registration (对外贸易经营者备案登记)"),
    FOOD_LICENCE("food business licence (食品经营许可证)"),
    COSMETICS_FILING("cosmetics product filing (化妆品备案)"),
    CHILD_SAFETY_CERTIFICATE("children's product safety certificate, e.g. EN 71 or CCC"),
    PRODUCT_SAFETY_CERTIFICATE("product safety certificate, e.g. CE or CCC");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** What operators and applicants read. */
    public String label() {
        return label;
    }
}
