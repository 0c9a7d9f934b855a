package io.yizhan.station.shared.internal;

import io.yizhan.station.shared.DurableStorage;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info} tells how many forced writes the station made since it started (benchmarks read it per operation). */
@Component
class StorageInfo implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("storage", Map.of("forcedWrites", DurableStorage.forces()));
    }
}
