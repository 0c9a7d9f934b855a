package io.yizhan.station.kiosk;

import io.yizhan.station.kiosk.internal.VoicePrompts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Speech for residents' screens beyond the kiosk (the counter's customer display): a sentence as
 * an audio address ({@code /voice/<file>}) the page plays, synthesised on the station like the
 * kiosk's prompts. Empty when the station has no speech synthesiser.
 */
@Service
public class ReadAloud {

    private final VoicePrompts voice;

    ReadAloud(VoicePrompts voice) {
        this.voice = voice;
    }

    public Optional<String> url(String sentence, Locale locale) {
        return voice.speak(sentence, locale).map(file -> "/voice/" + file);
    }
}
