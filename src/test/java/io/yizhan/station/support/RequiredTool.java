package io.yizhan.station.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test needs from the machine (espeak-ng, chromium, npm …). Locally a missing tool skips
 * the test with a note; with {@code CI=true} it fails and names the tool, so CI never goes green by
 * skipping.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static void require(String command, String debianPackage) {
        if (!present(command)) {
            missing(command, debianPackage);
        }
    }

    /** Fails (CI) or skips (locally) the test, naming what is missing and the package that brings it. */
    public static void missing(String what, String debianPackage) {
        String message = what + " is missing: install it with 'apt-get install -y " + debianPackage + "'";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    public static boolean present(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
