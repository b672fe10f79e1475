package org.parley.appeal.order.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.api.common.v1.RequestType;
import org.parley.api.request.v1.RequestSummary;
import org.parley.appeal.order.domain.LegalBasis;
import org.parley.appeal.order.domain.OrderLookup;
import org.parley.appeal.order.domain.OrderSummary;
import org.parley.appeal.order.domain.Orders;
import org.parley.common.kernel.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** request-service's {@code GetRequestSummary}, mapped to the order a notice names. */
@Component
class GrpcOrders implements Orders {

    private static final Logger log = LoggerFactory.getLogger(GrpcOrders.class);

    private final RequestClient client;

    GrpcOrders(RequestClient client) {
        this.client = client;
    }

    @Override
    public OrderLookup lookup(UUID requestId) {
        try {
            return new OrderLookup.Found(map(client.summary(requestId.toString())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return new OrderLookup.Missing();
            }
            log.warn("request-service did not summarise request {}: {}", requestId, e.getStatus().getCode());
            return new OrderLookup.Unreachable();
        } catch (RuntimeException e) {
            log.warn("request-service could not be asked about request {}: {}", requestId, e.toString());
            return new OrderLookup.Unreachable();
        }
    }

    static OrderSummary map(RequestSummary s) {
        Optional<Instant> until = s.hasConfidentialUntil()
                ? Optional.of(Instant.ofEpochSecond(s.getConfidentialUntil().getSeconds(), s.getConfidentialUntil().getNanos()))
                : Optional.empty();
        Optional<String> type = s.getType() == RequestType.REQUEST_TYPE_UNSPECIFIED || s.getType() == RequestType.UNRECOGNIZED
                ? Optional.empty()
                : Optional.of(s.getType().name().substring("REQUEST_TYPE_".length()));
        Optional<LegalBasis> basis = s.hasLegalBasis() && !s.getLegalBasis().getInstrument().isBlank()
                ? Optional.of(new LegalBasis(s.getLegalBasis().getInstrument(), s.getLegalBasis().getProvision(),
                        s.getLegalBasis().getJurisdiction()))
                : Optional.empty();
        return new OrderSummary(Ids.parse(s.getId()).orElse(null), Ids.parse(s.getTargetCompanyId()).orElse(null),
                s.getConfidential(), until, blankToNull(s.getAuthorityName()), blankToNull(s.getAuthorityCountry()),
                type, basis);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
