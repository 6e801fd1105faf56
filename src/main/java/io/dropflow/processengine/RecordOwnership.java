package io.dropflow.processengine;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks, where a step reads it, that a process variable holding another record's id ({@link
 * ProcessVariable#belongingTo}: an order's {@code purchaseOrderId}) names a record of the process's own
 * (the order of its {@code orderId}), asking the {@link RecordOwners} of that kind. An engine built without
 * this plugin (a test's own engine) checks nothing.
 */
@Component
class RecordOwnership extends AbstractProcessEnginePlugin {

    private final ObjectProvider<RecordOwners> owners;

    RecordOwnership(ObjectProvider<RecordOwners> owners) {
        this.owners = owners;
    }

    /** The plugin and, in one that bundles others (the starter's), those. */
    private static java.util.stream.Stream<ProcessEnginePlugin> unwrapped(ProcessEnginePlugin plugin) {
        return plugin instanceof CompositeProcessEnginePlugin composite
                ? composite.getPlugins().stream().flatMap(RecordOwnership::unwrapped) : java.util.stream.Stream.of(plugin);
    }

    /** Fails the step when {@code id}, read from {@code variable}, belongs to another record than the process's. */
    static void check(VariableScope scope, ProcessVariable<Long> variable, String kind, ProcessVariable<Long> owner,
            Long id) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        Optional<RecordOwnership> ownership = configuration == null ? Optional.empty()
                : configuration.getProcessEnginePlugins().stream().flatMap(RecordOwnership::unwrapped)
                        .filter(RecordOwnership.class::isInstance).map(RecordOwnership.class::cast).findFirst();
        Optional<Long> ownId = ownership.isEmpty() ? Optional.empty() : owner.optionalFrom(scope);
        if (ownId.isEmpty()) {
            return; // not in this engine's steps, or the process names no record of its own
        }
        RecordOwners lookup = ownership.get().owners.orderedStream().filter(o -> o.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing says whose a " + kind + " is: " + variable
                        + " cannot be checked"));
        Long belongsTo = lookup.ownerOf(id);
        if (!ownId.get().equals(belongsTo)) {
            throw new IllegalStateException("process variable " + variable + " holds " + id + ", a " + kind + " of "
                    + (belongsTo == null ? "no " + owner : owner + " " + belongsTo) + ", not of this process's "
                    + owner + " " + ownId.get() + " (changed by hand?): set it back to one of its own, then retry");
        }
    }
}
