package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceHealth;
import io.yizhan.station.devices.Devices;
import io.yizhan.station.devices.PrintJob;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.shared.ApiError;
import io.yizhan.station.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/devices}, {@code POST /api/devices/{name}/test-print}, {@code GET /api/print-jobs} (staff). */
@RestController
class DevicesApi {

    private final Devices devices;
    private final PrintQueue queue;
    private final Scales scales;

    DevicesApi(Devices devices, PrintQueue queue, Scales scales) {
        this.devices = devices;
        this.queue = queue;
        this.scales = scales;
    }

    /** What a job looks like on paper (PNG). */
    @GetMapping(value = "/api/print-jobs/{id}/preview", produces = "image/png")
    ResponseEntity<byte[]> preview(@PathVariable java.util.UUID id) {
        return queue.preview(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The scale's reading: {@code {grams, stable, net, moving}}; 404 before the first reading. */
    @GetMapping("/api/scales/{name}/weight")
    ResponseEntity<?> weight(@PathVariable String name, HttpServletRequest request) {
        if (devices.health(name).filter(h -> h.kind().equals("scale")).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NO_SUCH_DEVICE", "devices.error.no-scale", request));
        }
        var stable = scales.stable(name);
        return scales.current(name)
                .<ResponseEntity<?>>map(w -> ResponseEntity.ok(Map.of("grams", stable.map(s -> s.grams()).orElse(w.grams()),
                        "stable", stable.isPresent(), "net", w.net(), "moving", w.moving())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NO_READING", "devices.error.no-reading", request)));
    }

    @GetMapping("/api/devices")
    List<DeviceHealth> devices(HttpServletRequest request) {
        return devices.health(ApiError.locale(request));
    }

    @PostMapping("/api/devices/{name}/test-print")
    ResponseEntity<?> testPrint(@PathVariable String name, HttpServletRequest request) {
        if (devices.health(name).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NO_SUCH_DEVICE", "devices.error.no-device", request));
        }
        try {
            return ResponseEntity.accepted().body(Map.of("jobId", queue.testPrint(name)));
        } catch (RefusedException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("NOT_A_PRINTER", e.messageKey(), request));
        }
    }

    @GetMapping("/api/print-jobs")
    List<Map<String, Object>> jobs() {
        return queue.recent(200).stream().map(DevicesApi::json).toList();
    }

    private static Map<String, Object> json(PrintJob j) {
        return Map.of("id", j.id(), "device", j.device(), "document", j.document(), "state", j.state().name(),
                "attempts", j.attempts(), "createdAt", j.createdAt().toString());
    }
}
