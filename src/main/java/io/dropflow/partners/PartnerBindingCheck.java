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
        if (unbound.isEmpty()) {
            log.info("Every partner is bound to a real adapter");
            return;
        }
        StringBuilder message = new StringBuilder("Dropflow will not start: ").append(unbound.size())
                .append(unbound.size() == 1 ? " partner has" : " partners have")
                .append(" no real adapter configured (sandbox partners exist in the demo profile only):");
        unbound.forEach(u -> message.append("\n - ").append(u));
        throw new IllegalStateException(message.toString());
    }
}
