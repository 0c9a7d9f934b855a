package io.yizhan.station.staff;

import io.yizhan.station.shared.StationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in. Demo mode: the demo accounts {@code clerk}, {@code manager} and
 * {@code admin} (in the demo database only). Live mode: the first admin, with the password from
 * {@code YIZHAN_ADMIN_PASSWORD}; without it and without an admin the station refuses to start.
 */
@Component
class StaffBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

    private final StaffAccounts accounts;
    private final StationProperties station;
    private final Environment environment;

    StaffBootstrap(StaffAccounts accounts, StationProperties station, Environment environment) {
        this.accounts = accounts;
        this.station = station;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (station.demo()) {
            // passwords clerk-demo, manager-demo, admin-demo, hashed ahead so a fresh demo starts fast
            demoAccount("clerk", "店员小李 (演示)", Role.CLERK, "{bcrypt}$2a$10$Bxyb/CgJI/mzobfLmGPzduVLxkWpJBELUmutdEdbb.56Vxeoj.4Y2");
            demoAccount("manager", "站长老王 (演示)", Role.MANAGER, "{bcrypt}$2a$10$8IEbS8eITUvp5pWd68wIN.qfXDHXMgAQGB0Zpa/qorb6PhEl5WtDm");
            demoAccount("admin", "管理员 (演示)", Role.ADMIN, "{bcrypt}$2a$10$.nVxEO3bh2pUmOQDTuOxFeWIleFJ/LKVFae6WNU71skRigLV3FvNm");
            return;
        }
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String password = environment.getProperty("YIZHAN_ADMIN_PASSWORD", "");
        if (password.length() < StaffAccounts.MIN_PASSWORD) {
            throw new IllegalStateException("Live mode has no admin account yet. Set the environment variable "
                    + "YIZHAN_ADMIN_PASSWORD (at least " + StaffAccounts.MIN_PASSWORD
                    + " characters) for the first start; the account 'admin' is created with it.");
        }
        accounts.insert("admin", "管理员", Role.ADMIN, password);
        log.info("Created the first admin account 'admin' from YIZHAN_ADMIN_PASSWORD");
    }

    private void demoAccount(String username, String displayName, Role role, String passwordHash) {
        if (accounts.find(username).isEmpty()) {
            accounts.insertHashed(username, displayName, role, passwordHash);
        }
    }
}
