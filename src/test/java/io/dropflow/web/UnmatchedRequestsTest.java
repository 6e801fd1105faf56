package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Files above the servlet's limit are refused while Spring reads the request, before any controller:
 * a 413 problem, not an empty body. (Over HTTP the server may close the connection before a client
 * has sent the whole upload, so this is shown on the advice itself.)
 */
class UnmatchedRequestsTest {

    @Test
    void anUploadAboveTheServletsLimitIsA413Problem() {
        var answer = new UnmatchedRequests().tooLarge(new MaxUploadSizeExceededException(25L * 1024 * 1024));

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().getStatus()).isEqualTo(413);
        assertThat(answer.getBody().getTitle()).isEqualTo("Request too large");
        assertThat(answer.getBody().getDetail()).contains("send fewer or smaller files");
    }
}
