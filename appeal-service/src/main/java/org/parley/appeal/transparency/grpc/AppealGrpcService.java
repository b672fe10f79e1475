package org.parley.appeal.transparency.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.appeal.v1.BatchGetRequestAppealOutcomesRequest;
import org.parley.api.appeal.v1.BatchGetRequestAppealOutcomesResponse;
import org.parley.api.appeal.v1.GetComplianceMetricsRequest;
import org.parley.api.appeal.v1.GetComplianceMetricsResponse;
import org.parley.api.appeal.v1.RequestAppealOutcome;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.appeal.transparency.TransparencyService;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.ReportPeriod;
import org.parley.appeal.transparency.domain.RequestOutcome;
import org.parley.common.security.CurrentCaller;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.springframework.stereotype.Service;

/**
 * What other services may know of notices and appeals. {@code GetComplianceMetrics}: the measured
 * indicators of how a company handles appeals, for stakeholder-service to show beside its commitments. Periods are counted in whole UTC days ({@code from} rounded down, {@code to} up), from the
 * same counters as the public figures, exactly: so only for services, reviewers, admins and the company's own
 * responders (a reversal rate over one decision would tell anyone else how one person's appeal went).
 */
@Service
class AppealGrpcService extends AppealServiceGrpc.AppealServiceImplBase {

    static final int MAX_BATCH = 500;

    static final String DECIDED_IN_TIME = "SHARE_OF_APPEALS_DECIDED_IN_TIME";
    static final String MEDIAN_DAYS = "MEDIAN_DAYS_TO_APPEAL_DECISION";
    static final String REVERSAL_RATE = "APPEAL_REVERSAL_RATE";

    private final TransparencyService transparency;

    AppealGrpcService(TransparencyService transparency) {
        this.transparency = transparency;
    }

    @Override
    public void getComplianceMetrics(GetComplianceMetricsRequest request,
            StreamObserver<GetComplianceMetricsResponse> response) {
        List<FieldError> errors = new ArrayList<>();
        Optional<UUID> company = Ids.parse(request.getCompanyId());
        Caller caller = CurrentCaller.get();
        if (!(caller.has(Role.SERVICE) || caller.has(Role.ADMIN) || caller.has(Role.REVIEWER)
                || company.filter(id -> caller.actsFor(id.toString(), Role.COMPANY_RESPONDER)).isPresent())) {
            throw new Forbidden("Compliance metrics are for services, reviewers, admins and the company itself");
        }
        if (company.isEmpty()) {
            errors.add(new FieldError("company_id", "must be a stakeholder id"));
        }
        if (!request.hasPeriod() || !request.getPeriod().hasFrom() || !request.getPeriod().hasTo()) {
            errors.add(new FieldError("period", "must have from and to"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        LocalDate from = LocalDate.ofInstant(instant(request.getPeriod().getFrom()), ZoneOffset.UTC);
        Instant toInstant = instant(request.getPeriod().getTo());
        LocalDate to = LocalDate.ofInstant(toInstant, ZoneOffset.UTC);
        if (!toInstant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            to = to.plusDays(1);
        }
        if (!from.isBefore(to)) {
            throw RuleViolation.ofField("period.to", "must be after period.from");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > ReportPeriod.MAX_DAYS) {
            throw RuleViolation.ofField("period", "spans at most " + ReportPeriod.MAX_DAYS + " days");
        }
        AppealCounts counts = transparency.companyCounts(company.get(), new ReportPeriod(from, to));
        response.onNext(GetComplianceMetricsResponse.newBuilder()
                .setCompanyId(company.get().toString())
                .setPeriod(Period.newBuilder().setFrom(timestamp(from)).setTo(timestamp(to)))
                .addValues(value(DECIDED_IN_TIME, counts.shareDecidedInTime(), counts.due()))
                .addValues(value(MEDIAN_DAYS, counts.decisionDurations().medianDays(), counts.decisionDurations().count()))
                .addValues(value(REVERSAL_RATE, counts.reversalRate(), counts.decidedTotal()))
                .build());
        response.onCompleted();
    }

    /** For request-service's authority record ("later reversed on appeal"): services and admins only. */
    @Override
    public void batchGetRequestAppealOutcomes(BatchGetRequestAppealOutcomesRequest request,
            StreamObserver<BatchGetRequestAppealOutcomesResponse> response) {
        Caller caller = CurrentCaller.get();
        if (!(caller.has(Role.SERVICE) || caller.isAdmin())) {
            throw new Forbidden("Appeal outcomes by request are for services and admins");
        }
        if (request.getRequestIdsCount() > MAX_BATCH) {
            throw RuleViolation.ofField("request_ids", "at most " + MAX_BATCH + " ids per call");
        }
        List<UUID> ids = request.getRequestIdsList().stream().flatMap(id -> Ids.parse(id).stream()).distinct().toList();
        BatchGetRequestAppealOutcomesResponse.Builder answer = BatchGetRequestAppealOutcomesResponse.newBuilder();
        for (RequestOutcome outcome : transparency.requestOutcomes(ids)) {
            answer.addOutcomes(RequestAppealOutcome.newBuilder()
                    .setRequestId(outcome.requestId().toString())
                    .setNotices(outcome.notices())
                    .setAppeals(outcome.appeals())
                    .setReversed(outcome.reversed()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    private static IndicatorValue value(String indicator, Optional<Double> value, long sample) {
        return IndicatorValue.newBuilder()
                .setIndicator(indicator)
                .setMeasured(value.isPresent())
                .setValue(value.orElse(0.0))
                .setSampleSize(sample)
                .build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp timestamp(LocalDate day) {
        return Timestamp.newBuilder().setSeconds(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).build();
    }
}
