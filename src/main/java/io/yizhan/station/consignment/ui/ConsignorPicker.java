package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.IdNumbers;
import java.util.List;

/** A consignor chosen at the counter by name, consignor number or ID number (found by its keyed hash); erased consignors are not offered. */
class ConsignorPicker extends ComboBox<Consignor> {

    ConsignorPicker(Consignors consignors, String id) {
        setId(id);
        setLabel(getTranslation("consignment.intake.consignor"));
        setHelperText(getTranslation("consignment.search.help"));
        setItemLabelGenerator(c -> c.name() + " · " + c.accountNo() + (c.idMasked() == null ? "" : " · " + c.idMasked()));
        setItems(query -> {
            String filter = query.getFilter().orElse("").strip();
            List<Consignor> found = IdNumbers.normalise(filter).isPresent() ? consignors.byIdNumber(filter).map(List::of).orElse(List.of())
                    : consignors.search(filter, 30);
            return found.stream().filter(c -> c.erasedAt() == null).skip(query.getOffset()).limit(query.getLimit());
        });
        setWidth("24em");
    }
}
