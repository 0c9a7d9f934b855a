package io.yizhan.station.devices.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Map;

/** Line settings from a profile's {@code serial:} block, applied to a freshly taken port. */
record SerialSettings(int baud, int dataBits, int parity, int stopBits) {

    static SerialSettings of(DriverProfile profile) {
        Map<String, Object> s = profile.serial();
        int parity = switch (String.valueOf(s.getOrDefault("parity", "none"))) {
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
        int stop = "2".equals(String.valueOf(s.getOrDefault("stop-bits", 1))) ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
        return new SerialSettings(((Number) s.getOrDefault("baud", 9600)).intValue(),
                ((Number) s.getOrDefault("data-bits", 8)).intValue(), parity, stop);
    }

    /**
     * A new {@link SerialPort} for the path, configured and opened; null when it cannot be opened.
     * (Reopening an old SerialPort object after an unplug fails: always take a new one.)
     */
    SerialPort open(String path) {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(baud, dataBits, stopBits, parity);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 2000);
        return port.openPort() ? port : null;
    }

    String describe() {
        String p = parity == SerialPort.EVEN_PARITY ? "E" : parity == SerialPort.ODD_PARITY ? "O" : "N";
        return baud + " " + dataBits + p + (stopBits == SerialPort.TWO_STOP_BITS ? "2" : "1");
    }
}
