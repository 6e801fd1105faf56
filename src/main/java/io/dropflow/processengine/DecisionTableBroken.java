package io.dropflow.processengine;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A deployed decision table that cannot give what the application reads from it: no rule for the case, an output
 * missing (renamed in Modeler) or of the wrong kind ("ten hours" for hours), an expression FEEL cannot evaluate.
 * The message names the table and the output, in the words of the table: it is what a failed job's incident
 * shows. A request that needed the table is a 503 problem {@code decision-table-broken} naming it (the property
 * {@code table}): the table must be mended (deploy a good version) before such requests can succeed, and nothing
 * was changed by this one.
 */
public class DecisionTableBroken extends ApiProblem {

    public DecisionTableBroken(String table, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "decision-table-broken", "Decision table broken", detail);
        property("table", table);
    }
}
