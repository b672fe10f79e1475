package org.parley.stakeholder.standards.grpc;

import io.grpc.stub.StreamObserver;
import org.parley.api.common.v1.RequestType;
import org.parley.api.stakeholder.v1.AnswerTime;
import org.parley.api.stakeholder.v1.ContentCategory;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetActiveStandardsResponse;
import org.parley.api.stakeholder.v1.GetStandardsRequest;
import org.parley.api.stakeholder.v1.GetStandardsResponse;
import org.parley.api.stakeholder.v1.RequestRules;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.api.common.v1.DataCategory;
import org.parley.stakeholder.standards.StandardsService;
import org.parley.stakeholder.standards.domain.Standards;
import org.springframework.stereotype.Service;

/** The standards for request-service's safeguards check and appeal-service's categories. */
@Service
class StandardsGrpcService extends StandardsServiceGrpc.StandardsServiceImplBase {

    private final StandardsService catalogue;

    StandardsGrpcService(StandardsService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void getActiveStandards(GetActiveStandardsRequest request, StreamObserver<GetActiveStandardsResponse> response) {
        response.onNext(GetActiveStandardsResponse.newBuilder().setStandards(toProto(catalogue.active())).build());
        response.onCompleted();
    }

    @Override
    public void getStandards(GetStandardsRequest request, StreamObserver<GetStandardsResponse> response) {
        response.onNext(GetStandardsResponse.newBuilder().setStandards(toProto(catalogue.get(request.getVersion()))).build());
        response.onCompleted();
    }

    static org.parley.api.stakeholder.v1.Standards toProto(Standards s) {
        org.parley.stakeholder.standards.domain.RequestRules r = s.requestRules();
        RequestRules.Builder rules = RequestRules.newBuilder()
                .setMinStatementLength(r.minStatementLength())
                .setOverbreadthSubjectThreshold(r.overbreadthSubjectThreshold())
                .setMaxInformationPeriodDays(r.maxInformationPeriodDays())
                .setMaxGagDays(r.maxGagDays())
                .setTransparencyK(r.transparencyK());
        r.judicialAuthorisationRequiredFor().stream().sorted()
                .forEach(c -> rules.addJudicialAuthorisationRequiredFor(DataCategory.valueOf("DATA_CATEGORY_" + c.name())));
        r.answerTimes().forEach(t -> rules.addAnswerTimes(AnswerTime.newBuilder()
                .setType(RequestType.valueOf("REQUEST_TYPE_" + t.type().name()))
                .setMinutes(t.minutes())
                .setAdvisory(t.advisory())));
        r.legitimateAims().forEach(aim -> rules.addLegitimateAims(aim.name()));
        org.parley.api.stakeholder.v1.Standards.Builder standards = org.parley.api.stakeholder.v1.Standards.newBuilder()
                .setVersion(s.version())
                .setPublishedAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(s.publishedAt().getEpochSecond()).setNanos(s.publishedAt().getNano()))
                .setRequestRules(rules);
        s.contentCategories().forEach(c -> standards.addContentCategories(ContentCategory.newBuilder()
                .setCode(c.code())
                .setName(c.name())
                .setDefinition(c.definition())
                .addAllLegalReferences(c.legalReferences())
                .addAllNotCovered(c.notCovered())
                .setIncitement(c.incitement())));
        return standards.build();
    }
}
