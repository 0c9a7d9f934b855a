package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import org.jspecify.annotations.Nullable;

/** A logical device as configured: its profile, transport, terminal and (printers) link. */
public record ConfiguredDevice(String name, DriverProfile profile, String transport, String terminal,
                               @Nullable PrinterLink link, @Nullable String port) {

    public DeviceKind kind() {
        return profile.kind();
    }

    /** The printable area of a printer profile. */
    public Paper paper() {
        int dpi = profile.number("dpi", 203);
        if (kind() == DeviceKind.LABEL_PRINTER) {
            return Paper.label(profile.decimal("label-width-mm", 40), profile.decimal("label-height-mm", 30), dpi);
        }
        return Paper.receipt(profile.number("printable-width-dots", Paper.label(profile.decimal("paper-width-mm", 80) - 8, 1, dpi).widthDots()), dpi);
    }

    /** The document in this printer's language. */
    public byte[] encode(PrintDocument document) {
        return switch (profile.protocol()) {
            case "escpos" -> new EscPosEncoder(profile.charset(), Boolean.parseBoolean(profile.text("cash-drawer", "false"))).encode(document, paper());
            case "tspl" -> new TsplEncoder(profile.charset(), profile.decimal("label-width-mm", 40),
                    profile.decimal("label-height-mm", 30), profile.decimal("gap-mm", 2)).encode(document, paper());
            case "zpl" -> new ZplEncoder(profile.text("cjk-font", "")).encode(document, paper());
            default -> throw new IllegalStateException(name + ": profile " + profile.id() + " is not a printer");
        };
    }

    public byte[] preview(PrintDocument document) {
        return PngRenderer.png(document, paper());
    }
}
