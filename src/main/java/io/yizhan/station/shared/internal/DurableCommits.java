package io.yizhan.station.shared.internal;

import io.yizhan.station.shared.DurableStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every connection the station hands out waits for {@link DurableStorage} after a commit (and when
 * an auto-commit connection is closed), so no caller — a transaction, a plain auto-commit
 * statement — answers before its write is on the device. On a database that forces by itself
 * (PostgreSQL) nothing is ever pending here, and the wait is one volatile read.
 */
@Configuration(proxyBeanMethods = false)
public class DurableCommits {

    @Bean
    static BeanPostProcessor durableCommitsDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof ForcingDataSource)) {
                    return new ForcingDataSource(ds);
                }
                return bean;
            }
        };
    }

    /** A data source whose connections force their commits to the device before returning. */
    public static final class ForcingDataSource extends DelegatingDataSource {

        public ForcingDataSource(DataSource target) {
            super(target);
            DurableStorage.register(); // before the first connection opens a durable: URL
        }

        private volatile Boolean h2;

        @Override
        public Connection getConnection() throws SQLException {
            return forcing(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return forcing(obtainTargetDataSource().getConnection(username, password));
        }

        private Connection forcing(Connection target) throws SQLException {
            Boolean durableH2 = h2;
            if (durableH2 == null) {
                String url = target.getMetaData().getURL();
                durableH2 = url != null && url.startsWith("jdbc:h2:") && url.contains(DurableStorage.SCHEME + ":");
                h2 = durableH2;
            }
            return (Connection) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Forcing(target, durableH2));
        }
    }

    /**
     * H2 (2.5) may return from a commit before writing it: the commit only tries the store's lock,
     * and leaves its changes to whoever holds it — or to the next commit. {@code CHECKPOINT} waits
     * for that lock and writes whatever is unsaved, so after it the commit is in the file and the
     * force that follows covers it.
     */
    private record Forcing(Connection target, boolean h2) implements InvocationHandler {

        private void writeOut() throws SQLException {
            if (h2) {
                try (var checkpoint = target.prepareStatement("CHECKPOINT")) {
                    checkpoint.execute();
                }
            }
        }


        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            boolean autoCommitClose = name.equals("close") && !target.isClosed() && target.getAutoCommit();
            if (autoCommitClose) {
                writeOut(); // what auto-commit statements committed is in the file before the connection goes back
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (name.equals("commit")) {
                writeOut();
            }
            if ((name.equals("commit") || autoCommitClose) && !DurableStorage.inBatch()) {
                DurableStorage.awaitForced();
            }
            return result;
        }
    }
}
