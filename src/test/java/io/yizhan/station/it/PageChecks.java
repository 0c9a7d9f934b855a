package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every screen must pass in a real browser: a full-page screenshot under
 * {@code target/screenshots/}, zero axe-core violations (WCAG 2.2 A/AA, with the given target size)
 * and no text or control under the given sizes.
 */
final class PageChecks {

    static final Path SHOTS = Path.of("target/screenshots");

    private final String axe;
    private final String axeRun;
    private final String sizeCheck;

    PageChecks() {
        try {
            Path axeFile = Path.of("target/axe/node_modules/axe-core/axe.min.js");
            assertThat(axeFile).as("axe-core is installed by the build into target/axe (npm)").exists();
            axe = Files.readString(axeFile, StandardCharsets.UTF_8);
            axeRun = Files.readString(Path.of("src/test/resources/it/axe-run.js"), StandardCharsets.UTF_8);
            sizeCheck = Files.readString(Path.of("src/test/resources/it/size-check.js"), StandardCharsets.UTF_8);
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void check(Page page, String name, int minText, int minTarget) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(axeRun, Map.of("minTarget", minTarget));
        assertThat(violations).as("axe-core on " + name).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate(sizeCheck, Map.of("minText", minText, "minTarget", minTarget));
        assertThat(small).as("sizes on " + name).isEmpty();
    }
}
