package io.yizhan.station.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.devices.ScanReceived;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scanner and scale framing: split reads, garbage, over-long frames, bad checksums. */
class DecodersTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void scannerFramesSurviveSplitReadsAndDropGarbage() {
        ScanFramer framer = new ScanFramer("", "\r", 32);
        List<String> codes = new ArrayList<>();
        codes.addAll(framer.feed(ascii("SF12345"), 7));
        codes.addAll(framer.feed(ascii("67890123\r69012"), 14));
        codes.addAll(framer.feed(ascii("34567892\r"), 9));
        codes.addAll(framer.feed(ascii("\u0001\u00ffbad\r"), 6));
        byte[] longFrame = ascii("X".repeat(100) + "\r");
        codes.addAll(framer.feed(longFrame, longFrame.length));
        codes.addAll(framer.feed(ascii("JT0001234567890\r"), 16));
        assertThat(codes).containsExactly("SF1234567890123", "6901234567892", "JT0001234567890");
        assertThat(framer.dropped()).isEqualTo(2);
    }

    @Test
    void symbologyIsGuessedFromTheCode() {
        assertThat(ScanReceived.symbologyOf("6901234567892")).isEqualTo("EAN-13");
        assertThat(ScanReceived.symbologyOf("6901234567893")).isEqualTo("CODE-128");
        assertThat(ScanReceived.symbologyOf("SF1234567890123")).isEqualTo("CODE-128");
    }

    @Test
    void toledoFramesGiveGramsSignNetAndMotionAcrossSplitReads() {
        ToledoDecoder decoder = new ToledoDecoder(true);
        byte[] a = ToledoDecoder.frame(1236, false, false, true);
        byte[] b = ToledoDecoder.frame(-250, true, true, true);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("noise"));
        stream.writeBytes(a);
        stream.writeBytes(b);
        byte[] all = stream.toByteArray();
        List<WeightDecoder.Reading> readings = new ArrayList<>();
        for (int i = 0; i < all.length; i += 5) { // five bytes at a time
            byte[] chunk = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 5));
            readings.addAll(decoder.feed(chunk, chunk.length));
        }
        assertThat(readings).containsExactly(new WeightDecoder.Reading(1236, false, false),
                new WeightDecoder.Reading(-250, true, true));
    }

    @Test
    void toledoBadChecksumsAndHalfFramesAreDropped() {
        ToledoDecoder decoder = new ToledoDecoder(true);
        byte[] bad = ToledoDecoder.frame(500, false, false, true);
        bad[bad.length - 1] ^= 0x01;
        byte[] half = java.util.Arrays.copyOf(ToledoDecoder.frame(700, false, false, true), 9);
        byte[] good = ToledoDecoder.frame(800, false, false, true);
        assertThat(decoder.feed(bad, bad.length)).isEmpty();
        assertThat(decoder.feed(half, half.length)).isEmpty();
        assertThat(decoder.feed(good, good.length)).containsExactly(new WeightDecoder.Reading(800, false, false));
        assertThat(decoder.dropped()).isEqualTo(2);
    }

    @Test
    void asciiLinesFromTheProfilePattern() {
        AsciiLineDecoder decoder = new AsciiLineDecoder(
                "(?<status>ST|US),(?<mode>GS|NT),(?<weight>[+-]?\\d+(?:\\.\\d+)?)\\s*(?<unit>kg|g)", "\r\n");
        byte[] data = ascii("ST,GS,+0001.236kg\r\nUS,NT,-0000.050kg\r\nrubbish\r\nST,GS,+750g\r\n");
        assertThat(decoder.feed(data, data.length)).containsExactly(
                new WeightDecoder.Reading(1236, false, false),
                new WeightDecoder.Reading(-50, true, true),
                new WeightDecoder.Reading(750, false, false));
        assertThat(decoder.dropped()).isEqualTo(1);
        assertThat(new String(AsciiLineDecoder.line(1236, true), StandardCharsets.US_ASCII)).isEqualTo("ST,GS,+00001.236kg\r\n");
    }
}
