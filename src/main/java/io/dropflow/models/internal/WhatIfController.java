package io.dropflow.models.internal;

import io.dropflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What-if for analysts: post a changed decision table (the .dmn file as saved by Modeler) and see
 * which of the last days' real decisions it would change, before deploying it. The page
 * {@code /what-if.html} does the same in a browser.
 */
@RestController
@RequestMapping("/api/models/what-if")
@Tag(name = "Models")
@SecurityRequirement(name = "basic")
class WhatIfController {

    /** Our tables are a few kB; Modeler files with diagrams stay far below this. */
    static final int MAX_BYTES = 2_000_000;

    private final WhatIf whatIf;

    WhatIfController(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/dmn+xml"})
    @PreAuthorize(Groups.MASTER_DATA_EDITORS)
    @Operation(summary = "Replays a changed decision table on the decisions recorded in the last days",
            description = "The body is the .dmn file. Each of its decision tables is compared with the decisions "
                    + "the deployed table of the same id made: how many would change, between which rules, "
                    + "examples. Nothing is deployed.")
    WhatIfReport check(@RequestBody byte[] table,
            @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days,
            @RequestParam(defaultValue = "5") @Min(0) @Max(50) int examples) {
        if (table.length > MAX_BYTES) {
            throw WhatIfProblem.tooLarge(MAX_BYTES);
        }
        return whatIf.check(table, days, examples);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Groups.MASTER_DATA_EDITORS)
    @Operation(summary = "The same, with the .dmn file uploaded as the form part `table`")
    WhatIfReport upload(@RequestPart("table") MultipartFile table,
            @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days,
            @RequestParam(defaultValue = "5") @Min(0) @Max(50) int examples) throws IOException {
        if (table.getSize() > MAX_BYTES) {
            throw WhatIfProblem.tooLarge(MAX_BYTES);
        }
        return whatIf.check(table.getOriginalFilename(), table.getBytes(), days, examples);
    }
}
