package io.yizhan;

import io.yizhan.station.StationApplication;
import io.yizhan.station.operations.DatabaseRestore;
import java.util.Arrays;

/**
 * Entry point of {@code yizhan.jar}: picks which application runs.
 *
 * <ul>
 *   <li>no argument (or only Spring arguments such as {@code --server.port=…}): the station;</li>
 *   <li>{@code central}: the central platform (port 8081, data in {@code ./data/central});</li>
 *   <li>{@code restore <backup.zip>}: restores the station database from a nightly backup.</li>
 * </ul>
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "station";
        String[] rest = command.equals("station") ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("station") || command.equals("central")) {
            var fast = FastStart.command(args); // central shares most of the station's classes: the cache helps it too
            if (fast.isPresent()) {
                FastStart.run(fast.get());
                return;
            }
            FastStart.watchParent();
        }
        switch (command) {
            case "station" -> StationApplication.main(rest);
            case "central" -> io.yizhan.central.CentralApplication.run(rest);
            case "restore" -> System.exit(DatabaseRestore.run(rest));
            default -> {
                System.err.println("Unknown command '" + command + "'. Use: java -jar yizhan.jar "
                        + "[central | restore <backup.zip>] [--spring.property=value ...]");
                System.exit(2);
            }
        }
    }
}
