package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceHealth;
import io.yizhan.station.devices.Devices;
import io.yizhan.station.devices.PrintJob;
import io.yizhan.station.devices.PrintQueue;
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

    DevicesApi(Devices devices, PrintQueue queue) {
        this.devices = devices;
        this.queue = queue;
    }

    @GetMapping("/api/devices")
    List<DeviceHealth> devices() {
        return devices.health();
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
