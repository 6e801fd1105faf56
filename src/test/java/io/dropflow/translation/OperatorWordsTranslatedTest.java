package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.aftersales.Party;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.onboarding.DocumentType;
import io.dropflow.order.OrderStatus;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.supplier.PurchaseOrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words task forms show for codes (OperatorWords) are translated by exact match, so each word
 * of each code an operator can meet on a form needs its Chinese entry. A new status or reason fails
 * here until it has one.
 */
class OperatorWordsTranslatedTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    /** The enums whose values task forms show (OrderTaskFacts, TaskFormFacts, the claim, return, onboarding and group-buy forms). */
    private static final List<Class<? extends Enum<?>>> SHOWN = List.of(OrderStatus.class, PurchaseOrderStatus.class,
            TrackingStatus.class, ClaimType.class, Remedy.class, SupplierClaimAnswer.class, Party.class,
            ReturnReason.class, ReturnWish.class, DocumentType.class, io.dropflow.onboarding.internal.Party.class,
            io.dropflow.supplier.SupplierEventType.class, io.dropflow.order.OrderStatus.class);

    /** Codes kept as text: sales channels, a declined purchase order's reason, return answers, inspection and sample results, who pays the return label. */
    private static final List<String> TEXT_CODES = List.of("WEBSHOP", "MARKETPLACE", "GROUP_BUY", "OUT_OF_STOCK",
            "DISCONTINUED", "NOT_OFFERED",
            "ACCEPTED", "DECLINED", "REJECTED", "ALTERNATIVE", "OK", "DAMAGED_BY_CONSUMER", "NOT_RECEIVED", "passed",
            "new_sample", "failed", "SUPPLIER", "CONSUMER", "SELLER", "ALREADY_SHIPPED", "ALREADY_PACKED");

    private static final List<String> FIXED = List.of(OperatorWords.NOT_KNOWN_YET, OperatorWords.NOT_KNOWN_YET_IN_SENTENCE, OperatorWords.NO_ANSWER,
            OperatorWords.NO_INSPECTION_REPORT, OperatorWords.NO_EXPIRY_DATE, OperatorWords.REQUIRED,
            OperatorWords.NOT_REQUIRED, OperatorWords.CROSS_BORDER, OperatorWords.DOMESTIC);

    @Test
    void everyWordAFormCanShowHasAChineseEntry() {
        List<String> words = new ArrayList<>(FIXED);
        SHOWN.forEach(type -> Stream.of(type.getEnumConstants()).map(OperatorWords::of).forEach(words::add));
        TEXT_CODES.stream().map(OperatorWords::of).forEach(words::add);
        // The onboarding forms' papers and a refusal's missing ones name a document by its label
        Stream.of(DocumentType.values()).map(DocumentType::label).forEach(words::add);
        Set<String> missing = new TreeSet<>();
        words.stream().filter(word -> CHINESE.find(word).isEmpty()).forEach(missing::add);
        assertThat(missing).as("words without a Chinese entry in forms/i18n/operator-texts.zh.json").isEmpty();
    }
}
