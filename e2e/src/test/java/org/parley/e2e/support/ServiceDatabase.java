package org.parley.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.parley.local.ParleyPlatform.DatabaseLogin;

/** A connection to a service's own database on the running platform, for tests that look behind its back. */
public final class ServiceDatabase {

    private ServiceDatabase() {
    }

    public static Connection connect(String service) throws SQLException {
        DatabaseLogin login = RunningPlatform.platform().database(service);
        return DriverManager.getConnection(login.url(), login.user(), login.password());
    }
}
