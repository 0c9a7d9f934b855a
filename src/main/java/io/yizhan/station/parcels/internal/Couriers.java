package io.yizhan.station.parcels.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** Recognises the courier of a waybill from the patterns in {@code parcels/couriers.yml}. */
@Component
public class Couriers {

    public static final String OTHER = "OTHER";

    public record Courier(String code, String name, Pattern pattern) {
    }

    private final List<Courier> couriers;

    public Couriers() {
        try (InputStream in = Couriers.class.getResourceAsStream("/parcels/couriers.yml")) {
            Map<String, List<Map<String, String>>> data = new Yaml().load(in);
            couriers = data.get("couriers").stream()
                    .map(c -> new Courier(c.get("code"), c.get("name"), Pattern.compile(c.get("pattern")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String recognise(String waybill) {
        return couriers.stream().filter(c -> c.pattern().matcher(waybill).matches()).map(Courier::code).findFirst().orElse(OTHER);
    }

    public boolean known(String code) {
        return OTHER.equals(code) || couriers.stream().anyMatch(c -> c.code().equals(code));
    }

    /** A courier's name for people (顺丰速运 for SF); the code itself when unknown. */
    public String name(String code) {
        return couriers.stream().filter(c -> c.code().equals(code)).map(Courier::name).findFirst().orElse(code);
    }

    public List<Courier> all() {
        return couriers;
    }
}
