package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** What ApiProblems answers for a body the converter could not read: the body-reading tests' shared check. */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    /** Reads with {@code read}, which must fail; the 400 problem ApiProblems answers for it at {@code path}. */
    static ProblemDetail refused(String path, String what, ThrowingCallable read) {
        HttpMessageNotReadableException e = catchThrowableOfType(HttpMessageNotReadableException.class, read);
        assertThat(e).as(what).isNotNull();
        ResponseEntity<Object> answer = new ApiProblems(false).handleHttpMessageNotReadable(e, new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(new MockHttpServletRequest("POST", path)));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        return (ProblemDetail) answer.getBody();
    }

    /** The problem's {@code errors}: each bad field and its message. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> errors(ProblemDetail problem) {
        return (List<Map<String, String>>) problem.getProperties().get("errors");
    }
}
