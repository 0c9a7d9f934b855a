package io.yizhan.station.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class TariffsTest {

    private final Couriers couriers = new Couriers();

    private static Map<String, Object> shipped() throws Exception {
        try (InputStream in = TariffsTest.class.getResourceAsStream("/parcels/tariffs.yml")) {
            return new Yaml().load(in);
        }
    }

    @Test
    void theShippedTariffsPutEveryProvinceInOneZoneAndPriceEveryZone() throws Exception {
        Tariffs t = new Tariffs(shipped(), couriers);
        assertThat(t.provinces()).hasSize(34);
        assertThat(t.couriers()).contains("SF", "ZTO", "YTO", "YUNDA", "EMS");
        assertThat(t.zone("ZJ")).isEqualTo("LOCAL");
        assertThat(t.tariff("SF").orElseThrow().prices()).hasSize(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProvinceInNoZoneStopsTheStationNamingIt() throws Exception {
        Map<String, Object> data = shipped();
        ((Map<String, List<String>>) data.get("zones")).put("REMOTE", List.of("NM", "XZ", "QH"));
        assertThatThrownBy(() -> new Tariffs(data, couriers)).hasMessageContaining("XJ is in no zone");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCourierWithoutAPriceForAZoneOrUnknownStopsTheStation() throws Exception {
        Map<String, Object> data = shipped();
        ((Map<String, Map<String, Object>>) data.get("couriers")).get("SF").put("prices", Map.of("LOCAL", Map.of("first", 1, "additional", 1)));
        assertThatThrownBy(() -> new Tariffs(data, couriers)).hasMessageContaining("SF has no price for zone");
        Map<String, Object> other = shipped();
        ((Map<String, Object>) other.get("couriers")).put("ACME", ((Map<String, Object>) other.get("couriers")).get("SF"));
        assertThatThrownBy(() -> new Tariffs(other, couriers)).hasMessageContaining("unknown courier ACME");
    }
}
