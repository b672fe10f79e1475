package org.parley.appeal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.parley.appeal.order.domain.OrderLookup;
import org.parley.appeal.order.domain.Orders;
import org.parley.appeal.stakeholders.domain.Companies;
import org.parley.appeal.stakeholders.domain.Company;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.appeal.stakeholders.domain.DecisionTimes;
import org.parley.appeal.stakeholders.domain.Memberships;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The anchor that prices the gRPC calls: with {@code parley.appeal.lookups=in-process}, each lookup
 * port answers from this process's memory what the other service answered the first time for the same
 * key, so the same work runs without the round trip. Only for measuring: a company's commitment or a
 * responder's membership may change at any moment, and these answers would never see it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.appeal.lookups", havingValue = "in-process")
class InProcessLookups {

    @Bean
    @Primary
    DecisionTimes inProcessDecisionTimes(@Qualifier("grpcDecisionTimes") DecisionTimes grpc) {
        return remembered(grpc::forCompany)::apply;
    }

    @Bean
    @Primary
    Companies inProcessCompanies(@Qualifier("grpcCompanies") Companies grpc) {
        Function<UUID, Optional<Company>> find = remembered(grpc::find);
        return find::apply;
    }

    @Bean
    @Primary
    Memberships inProcessMemberships(@Qualifier("grpcMemberships") Memberships grpc) {
        Function<List<Object>, Memberships.Membership> check = remembered(
                key -> grpc.check((UUID) key.get(0), (String) key.get(1)));
        return (company, subject) -> check.apply(List.of(company, subject));
    }

    @Bean
    @Primary
    Orders inProcessOrders(@Qualifier("grpcOrders") Orders grpc) {
        Function<UUID, OrderLookup> lookup = remembered(grpc::lookup);
        return lookup::apply;
    }

    private static <K, V> Function<K, V> remembered(Function<K, V> ask) {
        Map<K, V> answers = new ConcurrentHashMap<>();
        return key -> answers.computeIfAbsent(key, ask);
    }
}
