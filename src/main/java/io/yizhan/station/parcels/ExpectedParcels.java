package io.yizhan.station.parcels;

import java.util.Optional;

/**
 * Another module's word on a parcel before it is checked in — say, an order the station placed
 * for a resident, shipped with this waybill: whose it is (the phone for the pickup text, when no
 * courier manifest gives one) and a note for the check-in screen, masked.
 */
public interface ExpectedParcels {

    /** The phone, and the note as a translation key with its values (shown in the clerk's language). */
    record Expected(String phone, String noteKey, java.util.List<String> noteArgs) {

        @Override
        public String toString() {
            return "Expected[" + io.yizhan.station.shared.PersonalData.maskPhone(phone) + ", " + noteKey + "]";
        }
    }

    Optional<Expected> expected(String waybill);
}
