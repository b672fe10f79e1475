package org.parley.common.audit;

import java.time.Clock;
import org.flywaydb.core.api.callback.Callback;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail of a service: appending, the chain, its checkpoints and the guard on its tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditCheckpointSettings.class)
@Import(AuditVerificationController.class)
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(JdbcClient jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }

    @Bean
    AuditCheckpoints auditCheckpoints(@Value("${parley.audit.chain}") String chain, AuditCheckpointSettings settings,
            Clock clock) {
        AuditCheckpoints checkpoints = new AuditCheckpoints(chain, settings.dir(), settings.instanceName(),
                settings.keyPair(), settings.previous(), clock);
        LoggerFactory.getLogger(AuditCheckpoints.class).info("audit checkpoints of chain {} go to {}, signed by Ed25519 key {}",
                chain, settings.dir().toAbsolutePath(), checkpoints.publicKey());
        return checkpoints;
    }

    @Bean
    AuditChain auditChain(JdbcClient jdbc, TransactionTemplate transactions, AuditCheckpoints checkpoints) {
        // the wall clock, not the service's: the time of a verification is compared with a monitor's own
        return new AuditChain(jdbc, transactions, checkpoints, Clock.systemUTC());
    }

    @Bean
    AuditChainMetrics auditChainMetrics(AuditChain chain, @Value("${parley.audit.chain}") String name) {
        return new AuditChainMetrics(chain, name);
    }

    /** Picked up by Spring Boot's Flyway auto-configuration, like every {@link Callback} bean. */
    @Bean
    Callback auditPrivileges(@Value("${parley.audit.service-role:}") String serviceRole) {
        return new AuditPrivileges(serviceRole);
    }
}
