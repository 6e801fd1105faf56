package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Every upload is checked the same way before anything is stored, whatever the feature calls its problem. */
class UploadCheckTest {

    static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final UploadCheck.Limits LIMITS = new UploadCheck.Limits(DataSize.ofBytes(64),
            List.of("application/pdf", "image/jpeg"));

    record File(String fileName, String contentType, byte[] content) implements UploadedFile {
    }

    static final class Refused extends UploadRejected {
        Refused(Reason reason, String detail) {
            super(reason, "test-upload-rejected", "Not taken", detail);
        }
    }

    private static void check(File file) {
        UploadCheck.check(List.of(file), LIMITS, Refused::new);
    }

    @Test
    void filesOfAnAcceptedTypeThatStartAsTheirTypeDoArePassed() {
        assertThatCode(() -> UploadCheck.check(List.of(new File("licence.pdf", "application/pdf", PDF),
                new File("scan.jpg", "IMAGE/JPEG", JPEG)), LIMITS, Refused::new)).doesNotThrowAnyException();
    }

    @Test
    void aFileLargerThanTheLimitIsA413NamingFileAndLimit() {
        assertThatThrownBy(() -> check(new File("huge.pdf", "application/pdf", new byte[65])))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(UploadRejected.Reason.TOO_LARGE);
                    assertThat(e.getStatusCode().value()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("huge.pdf", "64 bytes");
                });
    }

    @Test
    void aTypeNotTakenAnEmptyFileAndARenamedFileAre415s() {
        assertThatThrownBy(() -> check(new File("notes.txt", "text/plain", "hi".getBytes())))
                .hasMessageContaining("accepted are application/pdf, image/jpeg")
                .extracting(e -> ((Refused) e).getStatusCode().value()).isEqualTo(415);
        assertThatThrownBy(() -> check(new File("empty.pdf", "application/pdf", new byte[0])))
                .hasMessageContaining("empty.pdf is empty");
        assertThatThrownBy(() -> check(new File("licence.pdf", "application/pdf", JPEG)))
                .hasMessageContaining("declared as application/pdf but its content is not")
                .extracting(e -> ((Refused) e).reason()).isEqualTo(UploadRejected.Reason.UNSUPPORTED_TYPE);
        assertThatThrownBy(() -> check(new File(null, null, PDF))).hasMessageContaining("(unnamed file) is of type ''");
    }

    @Test
    void theHashNamesTheContent() {
        assertThat(UploadCheck.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
