package io.yizhan.central;

import io.yizhan.contract.Billers;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billers, top-up and social security as stations call them (their station key), and a station's
 * day of write-offs for operators at {@code GET /api/central/billers/write-offs?station=&date=}.
 * A write-off whose answer the sandbox loses commits, then (after
 * {@code yizhan.central.billers.sandbox.lost-answer-after}, 0 s) answers {@code 504} with nothing:
 * the station has to ask.
 */
@RestController
class BillersEndpoint {

    /** An operator's row: one per station order, its status updated in place; a top-up is of kind {@code TOPUP}. */
    record WriteOffRow(String stationOrderNo, String kind, String accountMasked, long amountFen, String status) {
    }

    private final BillerGateway billers;
    private final java.time.Duration lostAfter;

    BillersEndpoint(BillerGateway billers,
                    @org.springframework.beans.factory.annotation.Value("${yizhan.central.billers.sandbox.lost-answer-after:0s}") java.time.Duration lostAfter) {
        this.billers = billers;
        this.lostAfter = lostAfter;
    }

    @PostMapping(Billers.LOOKUP)
    Billers.Due lookup(@RequestBody Billers.Lookup request) {
        return billers.lookup(request.kind(), request.account());
    }

    @PostMapping(Billers.WRITE_OFFS)
    ResponseEntity<Billers.WriteOffState> writeOff(@RequestBody Billers.WriteOff request, Principal station) {
        BillerGateway.Written written = billers.writeOff(station.getName(), request);
        if (written.answerLost() && !lostAfter.isZero()) {
            try {
                Thread.sleep(lostAfter.toMillis()); // a slow network that finally drops the answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return written.answerLost() ? ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).build() : ResponseEntity.ok(written.state());
    }

    @GetMapping(Billers.WRITE_OFFS + "/{stationOrderNo}")
    Billers.WriteOffState query(@PathVariable String stationOrderNo, Principal station) {
        return billers.query(station.getName(), stationOrderNo);
    }

    @PostMapping(Billers.WRITE_OFFS + "/{stationOrderNo}/cancel")
    Billers.WriteOffState cancel(@PathVariable String stationOrderNo, Principal station) {
        return billers.cancel(station.getName(), stationOrderNo);
    }

    @GetMapping(Billers.WRITE_OFFS)
    List<Billers.WriteOffState> day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Principal station) {
        return billers.writeOffs(station.getName(), date);
    }

    @PostMapping(Billers.TOPUP_CHECK)
    Billers.Carrier carrier(@RequestBody Billers.PhoneCheck request) {
        return billers.carrier(request.phone());
    }

    @PostMapping(Billers.SOCIAL_SECURITY)
    Billers.PensionRecord pension(@RequestBody Billers.PensionQuery request) {
        return billers.pension(request.name(), request.idNumber());
    }

    @GetMapping("/api/central/billers/write-offs")
    List<WriteOffRow> writeOffs(@RequestParam String station, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return billers.writeOffs(station, date).stream()
                .map(w -> new WriteOffRow(w.stationOrderNo(), w.kind(), w.accountMasked(), w.amountFen(), w.status())).toList();
    }
}
