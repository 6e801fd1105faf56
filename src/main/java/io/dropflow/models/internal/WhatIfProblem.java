package io.dropflow.models.internal;

import io.dropflow.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A what-if request that cannot be answered: not a DMN file, too large, or about tables that are not in use. */
class WhatIfProblem extends ApiProblem {

    private WhatIfProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static WhatIfProblem notDmn(String why) {
        return new WhatIfProblem(HttpStatus.BAD_REQUEST, "not-a-decision-table", "Not a DMN decision table",
                "the file is not a DMN decision table the engine can read: " + why);
    }

    static WhatIfProblem notDeployed(List<String> keys) {
        return new WhatIfProblem(HttpStatus.UNPROCESSABLE_ENTITY, "decision-not-deployed", "Decision not in use",
                "no decision " + String.join(", ", keys) + " is deployed: what-if compares a change to a table in use"
                        + " (check the decision's id in Modeler)");
    }

    /** A table a deployment would be refused for (TableRules): what the application reads, rows that add up. */
    static WhatIfProblem breaksRules(List<String> problems) {
        return new WhatIfProblem(HttpStatus.UNPROCESSABLE_ENTITY, "decision-table-breaks-rules",
                "Decision table breaks a rule", "deploying it would be refused: " + String.join("; ",
                        problems.subList(0, Math.min(10, problems.size())))
                        + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
    }

    static WhatIfProblem tooLarge(int maxBytes) {
        return new WhatIfProblem(HttpStatus.PAYLOAD_TOO_LARGE, "decision-table-too-large", "File too large",
                "a decision table file may have at most " + maxBytes / 1_000_000 + " MB");
    }
}
