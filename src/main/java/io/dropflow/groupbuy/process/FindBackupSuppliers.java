package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.BACKUP_COUNT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.FIRST_BACKUP_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.LINES_UNPLACED;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.Replacements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ranks backup suppliers for the purchase's missing lines and plans a purchase for each. The
 * variables are read in the same transaction (the gateways and the backups' call activity right
 * after), so a second "Replace missing lines" of the same purchase, always in a later transaction,
 * cannot mix them up.
 */
@Component("findBackupSuppliers")
class FindBackupSuppliers implements JavaDelegate {

    private final Replacements replacements;

    FindBackupSuppliers(Replacements replacements) {
        this.replacements = replacements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Replacements.Backups backups = replacements.findBackups(BATCH_ID.from(execution),
                Math.toIntExact(PURCHASE_NO.from(execution)));
        FIRST_BACKUP_NO.set(execution, (long) backups.first());
        BACKUP_COUNT.set(execution, (long) backups.count());
        LINES_UNPLACED.set(execution, backups.unplaced());
    }
}
