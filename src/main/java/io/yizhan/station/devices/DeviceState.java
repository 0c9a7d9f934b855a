package io.yizhan.station.devices;

/** A device's health, always with a readable reason beside it. */
public enum DeviceState {
    ONLINE, OFFLINE, RECONNECTING, ERROR, DISABLED
}
