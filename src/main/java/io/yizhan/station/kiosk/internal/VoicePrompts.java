package io.yizhan.station.kiosk.internal;

import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.StationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Spoken prompts for the kiosk. The browsers here have no offline voices, so the station speaks:
 * {@code espeak-ng} (Mandarin for both Chinese scripts, English otherwise) writes a WAV file once
 * per sentence into {@code <data-dir>/voice-cache}, named by the SHA-256 of voice and text, and the
 * kiosk's {@code <audio>} element plays it from {@code /voice/<hash>.wav}.
 */
@Service
public class VoicePrompts {

    private static final Logger log = LoggerFactory.getLogger(VoicePrompts.class);
    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{64}\\.wav");

    private final Path cache;
    private final String command;
    private volatile Boolean available;

    @org.springframework.beans.factory.annotation.Autowired
    VoicePrompts(StationProperties station) {
        this(station.dataDir().resolve("voice-cache"), "espeak-ng");
    }

    public VoicePrompts(Path cache, String command) {
        this.cache = cache;
        this.command = command;
    }

    /** Whether the synthesiser is installed; checked once. */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    private boolean probe() {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) {
                log.warn("Voice prompts unavailable: '{} --version' failed", command);
            }
            return ok;
        } catch (IOException e) {
            log.warn("Voice prompts unavailable: {} is not installed (Debian package espeak-ng)", command);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The cached audio file name for this sentence, synthesising it first when needed. */
    public Optional<String> speak(String text, Locale locale) {
        if (!available() || text.isBlank()) {
            return Optional.empty();
        }
        String voice = "en".equals(locale.getLanguage()) ? "en" : "cmn";
        String name = Digests.sha256(voice + "\n" + text) + ".wav";
        Path target = cache.resolve(name);
        if (Files.exists(target)) {
            return Optional.of(name);
        }
        try {
            Files.createDirectories(cache);
            Path tmp = Files.createTempFile(cache, "synth-", ".wav");
            // slower than the default 175 words a minute: the listeners are elderly
            Process p = new ProcessBuilder(List.of(command, "-v", voice, "-s", "135", "-w", tmp.toString(), text))
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0 || Files.size(tmp) == 0) {
                Files.deleteIfExists(tmp);
                log.warn("espeak-ng could not speak a prompt (voice {})", voice);
                return Optional.empty();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(name);
        } catch (IOException e) {
            log.warn("Voice prompt failed: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The cached file for a name from {@link #speak}, if it is one. */
    public Optional<Path> file(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = cache.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
