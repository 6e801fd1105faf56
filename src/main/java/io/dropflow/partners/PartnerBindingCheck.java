package io.dropflow.partners;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when any partner Dropflow must talk to has no real adapter: one message lists
 * them all, so an operator fixes the configuration once instead of meeting one incident per order.
 * It runs once the application has started, because one check needs the database: an active supplier
 * of the catalog that no adapter serves. That one is a warning naming the settings that bind it, not a
 * refusal: Dropflow does not use such a supplier (sourcing leaves it out, its webhooks are held back), and a
 * catalog entry a supervisor made must not keep every node from starting. What the adapters' settings alone
 * show (a Shopify shop without its secret, a CJ account without its key) was checked before anything started,
 * by PartnerCredentialsCheck: a node missing a partner's secret neither migrates nor deploys.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerBindingCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnerBindingCheck.class);

    private final List<PartnerBinding> bindings;

    PartnerBindingCheck(List<PartnerBinding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PartnerBinding.Unbound> unbound = bindings.stream().flatMap(b -> b.unbound().stream()).toList();
        if (!unbound.isEmpty()) {
            throw new IllegalStateException(refusal(unbound));
        }
        List<PartnerBinding.Unbound> notUsed = bindings.stream().flatMap(b -> b.notUsed().stream()).toList();
        if (notUsed.isEmpty()) {
            log.info("Every partner is bound to a real adapter");
            return;
        }
        log.warn(warning(notUsed));
    }

    /** The one warning naming every partner Dropflow does not use for want of an adapter, and its settings. */
    static String warning(List<PartnerBinding.Unbound> notUsed) {
        StringBuilder message = new StringBuilder().append(notUsed.size())
                .append(notUsed.size() == 1 ? " partner of the catalog is" : " partners of the catalog are")
                .append(" not used: no real adapter serves them (sandbox partners exist in the demo profile only):");
        notUsed.forEach(u -> message.append("\n - ").append(u));
        return message.toString();
    }

    /** The one message naming every unbound partner and the settings that bind it. */
    static String refusal(List<PartnerBinding.Unbound> unbound) {
        // Partners, not problems: one partner may lack two things (Kuaidi100's callback and its account)
        long partners = unbound.stream().map(PartnerBinding.Unbound::partner).distinct().count();
        StringBuilder message = new StringBuilder("Dropflow will not start: ").append(partners)
                .append(partners == 1 ? " partner has" : " partners have")
                .append(" no real adapter configured (sandbox partners exist in the demo profile only):");
        unbound.forEach(u -> message.append("\n - ").append(u));
        return message.toString();
    }
}
