package io.yizhan.station.devices.internal;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import io.yizhan.station.devices.Scanners;
import io.yizhan.station.terminals.CurrentTerminal;
import org.jspecify.annotations.Nullable;

/**
 * Carried by every kiosk and counter screen: receives this terminal's scans from the server, and
 * tells a keyboard-mode scanner from a person typing (a burst of at least four characters, under
 * 40 ms apart on average, ending in Enter) and sends such bursts to the server as scans.
 */
public class ScanBridge extends Div {

    /** Average milliseconds per character below which typing is a scanner. */
    static final int SCAN_MS_PER_CHAR = 40;

    private final ScanRouter router;
    private final Scanners scanners;
    private @Nullable String terminal;
    private @Nullable Runnable unregister;

    public ScanBridge(ScanRouter router, Scanners scanners) {
        this.router = router;
        this.scanners = scanners;
        addClassName("scan-bridge");
        getElement().setAttribute("aria-hidden", "true");
        getStyle().set("display", "none");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        terminal = CurrentTerminal.get().map(t -> t.id().value()).orElse(null);
        if (terminal == null) {
            return;
        }
        unregister = router.register(event.getUI(), terminal);
        getElement().executeJs("""
                const bridge = this;
                if (window.__yizhanScan) { document.removeEventListener('keydown', window.__yizhanScan, true); }
                let buffer = '', first = 0, last = 0;
                window.__yizhanScan = (e) => {
                  const now = performance.now();
                  if (e.key === 'Enter') {
                    if (buffer.length >= 4 && (now - first) / buffer.length < $0) {
                      bridge.$server.keyboardScan(buffer);
                      const t = e.target;
                      if (!(t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA'))) { e.preventDefault(); }
                    }
                    buffer = '';
                    return;
                  }
                  if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) { return; }
                  if (now - last > 100) { buffer = ''; first = now; }
                  buffer += e.key;
                  last = now;
                };
                document.addEventListener('keydown', window.__yizhanScan, true);
                """, SCAN_MS_PER_CHAR);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unregister != null) {
            unregister.run();
            unregister = null;
        }
    }

    /** A keyboard-mode scanner typed a code into this browser. */
    @ClientCallable
    void keyboardScan(String code) {
        if (terminal != null && code.length() <= 64 && code.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            scanners.fromKeyboard(terminal, code);
        }
    }
}
