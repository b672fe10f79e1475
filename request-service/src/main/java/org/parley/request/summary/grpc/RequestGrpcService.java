package org.parley.request.summary.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.LegalBasis;
import org.parley.api.common.v1.RequestType;
import org.parley.api.request.v1.GetComplianceMetricsRequest;
import org.parley.api.request.v1.GetComplianceMetricsResponse;
import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.GetRequestSummaryResponse;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.api.request.v1.RequestState;
import org.parley.api.request.v1.RequestSummary;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.security.CurrentCaller;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.summary.SummaryService;
import org.parley.request.transparency.TransparencyService;
import org.parley.request.transparency.domain.ComplianceFigures.Indicator;
import org.springframework.stereotype.Service;

/** Request summaries and compliance metrics for the other services. Every call needs a token. */
@Service
class RequestGrpcService extends RequestServiceGrpc.RequestServiceImplBase {

    private final SummaryService summaries;
    private final TransparencyService reports;

    RequestGrpcService(SummaryService summaries, TransparencyService reports) {
        this.summaries = summaries;
        this.reports = reports;
    }

    @Override
    public void getRequestSummary(GetRequestSummaryRequest request, StreamObserver<GetRequestSummaryResponse> response) {
        UUID id = Ids.parse(request.getId()).orElseThrow(() -> new NotFound("request", request.getId()));
        SummaryService.Summary summary = summaries.summary(CurrentCaller.get(), id);
        response.onNext(GetRequestSummaryResponse.newBuilder().setSummary(toProto(summary)).build());
        response.onCompleted();
    }

    @Override
    public void getComplianceMetrics(GetComplianceMetricsRequest request,
            StreamObserver<GetComplianceMetricsResponse> response) {
        Caller caller = CurrentCaller.get();
        UUID company = Ids.parse(request.getCompanyId())
                .orElseThrow(() -> RuleViolation.ofField("company_id", "must be a stakeholder id"));
        if (!(caller.has(Role.SERVICE) || caller.has(Role.ADMIN) || caller.has(Role.REVIEWER)
                || caller.actsFor(company.toString(), Role.COMPANY_RESPONDER))) {
            throw new Forbidden("Compliance metrics are for services, reviewers, admins and the company itself");
        }
        if (!request.hasPeriod() || !request.getPeriod().hasFrom() || !request.getPeriod().hasTo()) {
            throw RuleViolation.ofField("period", "give the period's from and to");
        }
        Instant from = instant(request.getPeriod().getFrom());
        Instant to = instant(request.getPeriod().getTo());
        if (!to.isAfter(from)) {
            throw RuleViolation.ofField("period.to", "must be after period.from");
        }
        // the rollup counts by day of receipt: the period covers the days it touches
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        GetComplianceMetricsResponse.Builder answer = GetComplianceMetricsResponse.newBuilder()
                .setCompanyId(company.toString())
                .setPeriod(request.getPeriod());
        for (Indicator indicator : reports.compliance(company, firstDay, lastDay)) {
            answer.addValues(IndicatorValue.newBuilder()
                    .setIndicator(indicator.code())
                    .setMeasured(indicator.measured())
                    .setValue(indicator.value())
                    .setSampleSize(indicator.sampleSize()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    static RequestSummary toProto(SummaryService.Summary summary) {
        GovernmentRequest r = summary.request();
        RequestSummary.Builder proto = RequestSummary.newBuilder()
                .setId(r.id().toString())
                .setTargetCompanyId(r.company().id().toString())
                .setState(RequestState.valueOf("REQUEST_STATE_" + r.state().name()))
                .setConfidential(summary.confidential());
        Confidentiality gag = r.content().confidentiality();
        if (gag != null && gag.until() != null) {
            proto.setConfidentialUntil(timestamp(gag.endsAt()));
        }
        if (!summary.confidential()) {
            proto.setAuthorityId(r.authority().id().toString())
                    .setAuthorityName(r.authority().name())
                    .setType(RequestType.valueOf("REQUEST_TYPE_" + r.content().type().name()))
                    .setLegalBasis(LegalBasis.newBuilder()
                            .setInstrument(r.content().legalBasis().instrument())
                            .setProvision(r.content().legalBasis().provision())
                            .setJurisdiction(nullToEmpty(r.content().legalBasis().jurisdiction())));
            if (r.authority().country() != null) {
                proto.setAuthorityCountry(r.authority().country());
            }
        }
        return proto.build();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
