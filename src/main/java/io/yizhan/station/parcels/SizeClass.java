package io.yizhan.station.parcels;

/** How big a parcel is, as the clerk judges it at check-in. */
public enum SizeClass {
    SMALL, MEDIUM, LARGE
}
