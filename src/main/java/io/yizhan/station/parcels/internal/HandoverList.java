package io.yizhan.station.parcels.internal;

import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.shared.Translations;
import java.util.List;

/** A printed hand-over list for a courier: title, one line per parcel, the count and a signature line. */
public final class HandoverList {

    private HandoverList() {
    }

    public static PrintDocument of(String kind, String stationName, String title, String when, List<String> lines, String clerk) {
        var zh = Translations.SIMPLIFIED;
        var doc = PrintDocument.builder(kind).center().large(stationName).bold(title).text(when).rule().left();
        lines.forEach(doc::text);
        return doc.rule().bold(Translations.translate("parcels.returns.list.count", zh, lines.size()))
                .feed(2).text(Translations.translate("parcels.returns.list.sign", zh)).feed(2)
                .text(Translations.translate("parcels.returns.list.clerk", zh, clerk)).build();
    }
}
