package io.yizhan.station.parcels.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Sending prices as data: {@code kiosk-config/tariffs.yml} when the station has one, otherwise
 * {@code parcels/tariffs.yml} from the jar. Checked when the station starts: every province in
 * exactly one zone, every courier known and priced for every zone.
 */
@Component
public class Tariffs {

    public record Province(String code, String name, String en) {
    }

    public record Price(long firstFen, long additionalFen) {
    }

    public record Tariff(String courier, int volumetricDivisor, Map<String, Price> prices) {
    }

    private final List<Province> provinces;
    private final Map<String, String> zoneOf = new HashMap<>();
    private final Map<String, Tariff> tariffs = new LinkedHashMap<>();

    @Autowired
    public Tariffs(Couriers couriers) {
        this(load(Path.of("kiosk-config", "tariffs.yml")), couriers);
    }

    @SuppressWarnings("unchecked")
    Tariffs(Map<String, Object> data, Couriers couriers) {
        provinces = ((List<Map<String, String>>) data.get("provinces")).stream()
                .map(p -> new Province(p.get("code"), p.get("name"), p.getOrDefault("en", p.get("name")))).toList();
        Map<String, List<String>> zones = (Map<String, List<String>>) data.get("zones");
        zones.forEach((zone, members) -> members.forEach(code -> {
            if (provinces.stream().noneMatch(p -> p.code().equals(code))) {
                throw invalid("zone " + zone + " names an unknown province " + code);
            }
            if (zoneOf.put(code, zone) != null) {
                throw invalid("province " + code + " is in more than one zone");
            }
        }));
        provinces.stream().filter(p -> !zoneOf.containsKey(p.code())).findFirst()
                .ifPresent(p -> { throw invalid("province " + p.code() + " is in no zone"); });
        ((Map<String, Map<String, Object>>) data.get("couriers")).forEach((courier, t) -> {
            if (!couriers.known(courier) || Couriers.OTHER.equals(courier)) {
                throw invalid("unknown courier " + courier + " (see parcels/couriers.yml)");
            }
            int divisor = ((Number) t.get("volumetric-divisor")).intValue();
            if (divisor < 1000) {
                throw invalid(courier + ": volumetric-divisor must be at least 1000 cm³ per kg");
            }
            Map<String, Price> prices = new LinkedHashMap<>();
            ((Map<String, Map<String, Number>>) t.get("prices")).forEach((zone, p) -> {
                long first = p.get("first").longValue();
                long additional = p.get("additional").longValue();
                if (!zones.containsKey(zone) || first <= 0 || additional < 0) {
                    throw invalid(courier + ": bad price for zone " + zone);
                }
                prices.put(zone, new Price(first, additional));
            });
            zones.keySet().stream().filter(z -> !prices.containsKey(z)).findFirst()
                    .ifPresent(z -> { throw invalid(courier + " has no price for zone " + z); });
            tariffs.put(courier, new Tariff(courier, divisor, Map.copyOf(prices)));
        });
        if (tariffs.isEmpty()) {
            throw invalid("no courier has prices");
        }
    }

    private static Map<String, Object> load(Path override) {
        try (InputStream in = Files.isRegularFile(override) ? Files.newInputStream(override)
                : Tariffs.class.getResourceAsStream("/parcels/tariffs.yml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException invalid(String why) {
        return new IllegalStateException("Sending tariffs: " + why);
    }

    public List<Province> provinces() {
        return provinces;
    }

    public Optional<Province> province(String code) {
        return provinces.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The zone a province is in, counted from the station. */
    public String zone(String provinceCode) {
        return zoneOf.get(provinceCode);
    }

    public List<String> couriers() {
        return List.copyOf(tariffs.keySet());
    }

    public Optional<Tariff> tariff(String courier) {
        return Optional.ofNullable(tariffs.get(courier));
    }
}
