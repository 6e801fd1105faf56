package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.claim.EvidenceUpload;
import org.junit.jupiter.api.Test;

/**
 * A file name longer than its column (255 characters) is kept cut, its extension kept; before, it was a 500 when
 * the evidence or document was stored.
 */
class UploadedFileNameTest {

    @Test
    void aNameThatFitsIsKeptAsSent() {
        assertThat(UploadedFile.kept("crack.jpg")).isEqualTo("crack.jpg");
        assertThat(UploadedFile.kept("x".repeat(255))).isEqualTo("x".repeat(255));
        assertThat(UploadedFile.kept(null)).isNull();
    }

    @Test
    void aLongerNameIsCutWhereItsExtensionStillFits() {
        String kept = UploadedFile.kept("b".repeat(255) + ".jpeg");

        assertThat(kept).hasSize(255).isEqualTo("b".repeat(249) + "….jpeg");
    }

    @Test
    void aLongerNameWithoutAnExtensionOrWithADotInItsTextIsCutAtTheEnd() {
        assertThat(UploadedFile.kept("a".repeat(300))).isEqualTo("a".repeat(254) + "…");
        String title = "a".repeat(200) + ". and then the page title goes on " + "z".repeat(100);
        assertThat(UploadedFile.kept(title)).hasSize(255).endsWith("zz…");
    }

    @Test
    void anEmojiIsNotCutInHalf() {
        String kept = UploadedFile.kept("a".repeat(249) + "😀".repeat(10) + ".png");

        assertThat(kept).isEqualTo("a".repeat(249) + "….png");
        assertThat(kept.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(kept.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void evidenceKeepsTheCutName() {
        assertThat(new EvidenceUpload("d".repeat(400) + ".mp4", "video/mp4", new byte[1]).fileName())
                .hasSize(255).endsWith("….mp4");
    }
}
